package org.socialbank.payments.requests;

import java.time.Clock;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.Payments;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.payouts.Iban;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Service;

/**
 * Money requests and bill splits, for the bank's apps (over HTTP) and the chats. Nobody is ever
 * debited by a request: the payer pays it through {@link Payments#pay} (limits, step-up and
 * idempotency apply), or, when not a customer, by an interbank credit carrying its reference.
 * A business "no" comes back as a value ({@link RequestResult}, {@link SplitResult}, {@link
 * RequestPayment}, each refusal a {@link RequestRejection}). Events, published in the transaction that
 * reached them: {@link MoneyRequested}, {@link RequestPaid}, {@link RequestDeclined}, {@link
 * RequestCancelled}, {@link RequestExpired} and {@link RequestReminderDue}.
 */
@Service
public class Requests {

    private final AskForMoney ask;
    private final SplitBill splits;
    private final PayRequest pay;
    private final CloseRequests closer;
    private final SettleCredit credits;
    private final RemindMembers reminders;
    private final RequestSecrets secrets;
    private final RequestViews views;
    private final JdbcRequests store;
    private final RequestsProperties properties;
    private final Clock clock;

    Requests(
            AskForMoney ask,
            SplitBill splits,
            PayRequest pay,
            CloseRequests closer,
            SettleCredit credits,
            RemindMembers reminders,
            RequestSecrets secrets,
            RequestViews views,
            JdbcRequests store,
            RequestsProperties properties,
            Clock clock) {
        this.ask = ask;
        this.splits = splits;
        this.pay = pay;
        this.closer = closer;
        this.credits = credits;
        this.reminders = reminders;
        this.secrets = secrets;
        this.views = views;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Asks someone for money: the request, open; or refused ({@link RequestRejection}: {@code
     * requester_not_found}, {@code no_account_in_currency}, {@code requester_has_no_alias}, {@code
     * too_many_requests}, {@code payer_is_requester}, {@code payer_not_found}, {@code id_reused}).
     * A replay of the id returns the request as it is now.
     */
    public RequestResult request(RequestOrder order) {
        return ask.request(order);
    }

    public Optional<MoneyRequest> request(RequestId id) {
        return store.find(id).map(views::of);
    }

    /**
     * The payer pays a request. Empty when there is no such request. Else the payment, as {@link
     * Payments#pay} records it ({@code completed}, {@code awaiting_confirmation}, {@code rejected}
     * with its rejection), or a refusal ({@link RequestRejection}: {@code not_the_payer}, {@code
     * request_paid}, {@code request_declined}, {@code request_expired}, {@code request_cancelled},
     * {@code too_many_attempts}, {@code requester_cannot_receive}, {@code payer_not_found}).
     */
    public Optional<RequestPayment> payRequest(RequestId id, CustomerId payer, String channel) {
        return pay.pay(id, payer, channel, false);
    }

    /**
     * As {@link #payRequest(RequestId, CustomerId, String)}, from a chat message whose reply tells
     * the payer what became of the payment ({@link org.socialbank.payments.PaymentOrder#answeredInChat()}).
     */
    public Optional<RequestPayment> payRequestInChat(RequestId id, CustomerId payer, String channel) {
        return pay.pay(id, payer, channel, true);
    }

    /** Empty when there is no such request or the customer is not its payer; else the request (declined if it was open). */
    public Optional<MoneyRequest> decline(RequestId id, CustomerId payer) {
        return closer.decline(id, payer);
    }

    /** Empty when there is no such request or the customer is not its requester; else the request (cancelled if it was open). */
    public Optional<MoneyRequest> cancel(RequestId id, CustomerId requester) {
        return closer.cancel(id, requester);
    }

    /**
     * Splits a bill: one request per member. Refused ({@link RequestRejection}): {@code shares_do_not_add_up},
     * {@code shares_mixed}, {@code share_too_small}, {@code duplicate_member}, {@code
     * member_is_organiser}, {@code member_not_found}, {@code organiser_not_found}, {@code
     * no_account_in_currency}, {@code organiser_has_no_alias}, {@code too_many_requests}, {@code id_reused}.
     */
    public SplitResult split(SplitOrder order) {
        return splits.split(order);
    }

    public Optional<Split> split(SplitId id) {
        return splits.find(id);
    }

    /** Reminds the members who have not paid, each at most once per reminder interval; empty when not the organiser's split. */
    public Optional<Reminders> remind(SplitId id, CustomerId organiser) {
        return reminders.remind(id, organiser);
    }

    /**
     * Reminds the payer of one open request (issue 13), at most once per reminder interval: the
     * answer says whether it reminded now, or when it may again. Empty when there is no such
     * request or the customer is not its requester; a closed request reminds nobody.
     */
    public Optional<Reminders> remind(RequestId id, CustomerId requester) {
        return reminders.remindOne(id, requester);
    }

    /** The most requests {@link #openOf} lists. */
    public static final int OPEN_LISTED_MAX = 50;

    /**
     * The customer's open requests, those they sent and those they were asked, newest first, at
     * most {@code limit} (1 to {@value #OPEN_LISTED_MAX}).
     */
    public java.util.List<MoneyRequest> openOf(CustomerId customer, int limit) {
        if (limit < 1 || limit > OPEN_LISTED_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + OPEN_LISTED_MAX + ": " + limit);
        }
        return store.openOf(customer, clock.instant(), limit).stream()
                .map(views::of)
                .toList();
    }

    /**
     * An interbank credit arrived on the collection account. A real bank calls this from its
     * inbound payment feed (in demo mode {@code POST /dev/incoming-credits} simulates one).
     * Idempotent by the feed's own id of the entry, never by the reference: two credits with one
     * reference are two credits.
     *
     * @param entryId the feed's id of this credit (end-to-end id or entry id), 1 to 64 printable
     *     ASCII characters; the same credit delivered again carries the same one
     * @throws IllegalArgumentException when the entry id, the reference or the amount is malformed
     *     (a caller's bug: check with {@link #creditProblem} first)
     */
    public CreditOutcome creditReceived(String entryId, String reference, long amountMinor, CurrencyCode currency) {
        return credits.received(entryId, reference, amountMinor, currency);
    }

    /** Why a credit as the feed reported it is malformed (for its adapter to refuse), or empty. */
    public static Optional<String> creditProblem(String entryId, String reference, long amountMinor) {
        return SettleCredit.problem(entryId, reference, amountMinor);
    }

    /** The pay link's page; empty when the token is no request's. */
    public Optional<PayLinkView> payLink(String token) {
        return store.findByToken(secrets.tokenHash(token)).map(this::payLink);
    }

    /** The pay link's "I will not pay"; empty when the token is no request's. */
    public Optional<PayLinkView> declinePayLink(String token) {
        return closer.declineByToken(secrets.tokenHash(token))
                .flatMap(r -> store.find(r.id()))
                .map(this::payLink);
    }

    /** Expires open requests past their expiry (the janitor does this on a schedule); returns how many. */
    public int expireDue(int limit) {
        return closer.expireDue(limit);
    }

    private PayLinkView payLink(RequestRow r) {
        RequestStatus state = r.open() && !r.expiresAt().isAfter(clock.instant()) ? RequestStatus.EXPIRED : r.status();
        return new PayLinkView(
                state,
                r.parties().requesterMaskedName(),
                r.amountMinor(),
                r.currency(),
                r.note(),
                Iban.stored(properties.collectionIban()).display(),
                properties.collectionName(),
                r.payLink().reference(),
                r.expiresAt());
    }
}
