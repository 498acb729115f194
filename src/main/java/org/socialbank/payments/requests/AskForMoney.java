package org.socialbank.payments.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasMatch;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.MaskedName;
import org.socialbank.payments.requests.jdbc.JdbcRequests;
import org.socialbank.payments.requests.jdbc.RequestRow;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asking for money, in one transaction: check the requester, resolve who is asked, store the
 * request (with a pay link and a payment reference when the payer is not a customer) and publish
 * {@link MoneyRequested}. The request's id is the idempotency key. Splits open their members here.
 */
@Component
class AskForMoney {

    /** Aliases that payments to a requester go to, best first: a verified one, then by type. */
    private static final List<AliasType> PAYABLE =
            List.of(AliasType.TAG, AliasType.PHONE, AliasType.EMAIL, AliasType.HANDLE);

    private final JdbcRequests store;
    private final Directory directory;
    private final RequestSecrets secrets;
    private final RequestViews views;
    private final RequestsProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    AskForMoney(
            JdbcRequests store,
            Directory directory,
            RequestSecrets secrets,
            RequestViews views,
            RequestsProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.directory = directory;
        this.secrets = secrets;
        this.views = views;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** The requester, ready to ask: an active customer with an account in the currency and an alias to be paid at. */
    record Requester(CustomerView customer, Alias payableAlias) {

        CustomerId id() {
            return customer.customer().id();
        }

        String maskedName() {
            return MaskedName.of(customer.customer().displayName());
        }
    }

    /** Who is asked: the alias, and its customer when it is one's. */
    record Asked(Alias alias, Optional<AliasMatch> match) {}

    RequestResult request(RequestOrder order) {
        return writes.write(status -> {
            Optional<RequestRow> existing = store.find(order.id());
            if (existing.isPresent()) {
                RequestRow r = existing.get();
                return r.sameOrder(
                                order.requester(),
                                order.from(),
                                order.amountMinor(),
                                order.currency(),
                                order.note(),
                                order.channel())
                        ? new RequestResult.Asked(views.of(r), true)
                        : new RequestResult.Refused(RequestRejection.ID_REUSED);
            }
            Checked<Requester> requester = requester(order.requester(), order.currency());
            if (requester instanceof Checked.No<Requester> no) {
                return new RequestResult.Refused(no.rejection());
            }
            if (tooMany(order.requester(), 1)) {
                return new RequestResult.Refused(RequestRejection.TOO_MANY_REQUESTS);
            }
            Checked<Asked> asked = asked(requester.value(), order.from());
            if (asked instanceof Checked.No<Asked> no) {
                return new RequestResult.Refused(no.rejection());
            }
            return new RequestResult.Asked(
                    views.of(open(
                            order.id(),
                            null,
                            null,
                            requester.value(),
                            asked.value(),
                            order.amountMinor(),
                            order.currency(),
                            order.note(),
                            order.channel())),
                    false);
        });
    }

    Checked<Requester> requester(CustomerId id, CurrencyCode currency) {
        Optional<CustomerView> customer =
                directory.customer(id).filter(c -> c.customer().status() == CustomerStatus.ACTIVE);
        if (customer.isEmpty()) {
            return Checked.no(RequestRejection.REQUESTER_NOT_FOUND);
        }
        if (directory.primaryAccount(id, currency.code()).isEmpty()) {
            return Checked.no(RequestRejection.NO_ACCOUNT_IN_CURRENCY);
        }
        return payableAlias(customer.get())
                .map(a -> Checked.ok(new Requester(customer.get(), a)))
                .orElseGet(() -> Checked.no(RequestRejection.REQUESTER_HAS_NO_ALIAS));
    }

    /**
     * Whether {@code adding} more requests would take the requester past {@code per-requester-per-hour}
     * within the last hour (security review #12: each request pushes an alert at someone else).
     */
    boolean tooMany(CustomerId requester, int adding) {
        Instant hourAgo = clock.instant().minus(java.time.Duration.ofHours(1));
        return store.requestsSince(requester, hourAgo) + adding > properties.perRequesterPerHour();
    }

    /** Who an alias is; refused when it is the requester's own or a $tag nobody has (nobody could pay by link). */
    Checked<Asked> asked(Requester requester, Alias from) {
        Optional<AliasMatch> match = directory.resolve(from);
        if (match.isPresent() && match.get().customerId().equals(requester.id())) {
            return Checked.no(RequestRejection.PAYER_IS_REQUESTER);
        }
        if (match.isEmpty() && from.type() == AliasType.TAG) {
            return Checked.no(RequestRejection.PAYER_NOT_FOUND);
        }
        return Checked.ok(new Asked(from, match));
    }

    /** Stores an open request and publishes {@link MoneyRequested}; the caller runs the transaction. */
    RequestRow open(
            RequestId id,
            SplitId split,
            Integer seq,
            Requester requester,
            Asked asked,
            long amountMinor,
            CurrencyCode currency,
            String note,
            String channel) {
        Instant now = Microseconds.now(clock);
        CustomerId payer = asked.match().map(AliasMatch::customerId).orElse(null);
        String tokenHash = payer == null ? secrets.tokenHash(secrets.token(id)) : null;
        String reference = payer == null ? secrets.reference(id) : null;
        RequestRow row = new RequestRow(
                id,
                split,
                seq,
                new RequestRow.Parties(
                        requester.id(), requester.maskedName(), requester.payableAlias(), asked.alias(), payer),
                amountMinor,
                currency,
                note,
                channel,
                RequestStatus.OPEN,
                payer == null ? new RequestRow.PayLink(tokenHash, reference) : RequestRow.PayLink.NONE,
                RequestRow.Paying.NONE,
                now.plus(properties.ttl()),
                null,
                now,
                now);
        store.insert(row);
        events.publishEvent(new MoneyRequested(
                id,
                requester.id(),
                requester.maskedName(),
                payer,
                asked.alias(),
                amountMinor,
                currency,
                views.payUrl(row),
                channel,
                note,
                split));
        return row;
    }

    static Optional<Alias> payableAlias(CustomerView customer) {
        return customer.aliases().stream()
                .sorted(Comparator.comparing((CustomerView.AliasEntry e) -> !e.verified())
                        .thenComparing(e -> PAYABLE.indexOf(e.alias().type())))
                .map(CustomerView.AliasEntry::alias)
                .findFirst();
    }
}
