package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.loyalty.PointsDiscounts;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bills paid by account number at another country's biller (issue 15 s1.13). A chat message's
 * transaction records the question ({@link #ask}); the worker asks the biller outside any
 * transaction and records its answer ({@link #lookUp}, {@link AccountBillInquired}); Confirm
 * records the payment and reserves its money in the press's transaction ({@link #accept}: a
 * pending ledger transfer to the biller's settlement account, idempotent by the inquiry), and
 * {@link SendAccountBills} pays the biller with the payment's id as the idempotency key. A due bill
 * (biller, account, due date) has one live or paid payment, whichever inquiry it came from: a second
 * Confirm is refused {@link AccountBillResult#BILL_ALREADY_PAID}, a racing one loses on the UNIQUE
 * {@code bill_key} and is refused when its transaction runs again.
 */
@Component
class AccountBills {

    /**
     * A step-up is not offered for these bills yet (the biller's answer is valid for {@code
     * quote-ttl} only): a payment that needs one is refused, with {@link
     * BillingRisk#NEW_CHANNEL_UNCONFIRMED} when only its chat's newness held it.
     */
    static final String CONFIRMATION_REQUIRED = BillingRisk.CONFIRMATION_REQUIRED;

    static final String TRANSFER_CODE = PayBill.TRANSFER_CODE;
    private static final Logger log = LoggerFactory.getLogger(AccountBills.class);

    private final JdbcAccountBills store;
    private final AccountBiller biller;
    private final BillerRegistry registry;
    private final Directory directory;
    private final Reservations reservations;
    private final BillingRisk risk;
    private final BillerAccounts accounts;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;
    private final PointsShares shares;

    AccountBills(
            JdbcAccountBills store,
            AccountBiller biller,
            BillerRegistry registry,
            Directory directory,
            Reservations reservations,
            BillingRisk risk,
            BillerAccounts accounts,
            BillingProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock,
            PointsShares shares) {
        this.shares = shares;
        this.store = store;
        this.biller = biller;
        this.registry = registry;
        this.directory = directory;
        this.reservations = reservations;
        this.risk = risk;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** The payment of an inquiry: one per inquiry, whoever presses Confirm how many times. */
    static UUID paymentId(UUID inquiryId) {
        return UUID.nameUUIDFromBytes(
                ("account-bill-payment|" + inquiryId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String billerKey(String billerId) {
        return "acct-" + billerId;
    }

    /** Records the question in the caller's transaction; false for an account this biller does not take. */
    boolean ask(UUID inquiryId, CustomerId customer, String billerId, String typedAccount, String channel) {
        Optional<String> account = registry.find(billerId).flatMap(b -> b.account(typedAccount));
        account.ifPresent(a -> store.ask(inquiryId, customer, billerId, a, channel, now()));
        return account.isPresent();
    }

    /** Asks the biller about the accounts asked in chat, one call each, outside any transaction. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void lookUp() {
        try {
            for (JdbcAccountBills.Inquiry question : store.asking(properties.batchMax())) {
                AccountBiller.Inquiry answer = inquire(question.billerId(), question.account());
                writes.write(tx -> {
                    if (store.answer(question.id(), answer, now())) {
                        events.publishEvent(inquired(question, answer));
                    }
                    return null;
                });
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Inquiring account bills asked in chat failed; will try again: {}",
                    e.getClass().getName());
        }
    }

    private AccountBiller.Inquiry inquire(String billerId, String account) {
        return Settlements.lookUp(
                log,
                "The account biller failed to answer an inquiry: {}",
                () -> biller.inquire(billerId, account),
                new AccountBiller.NotDue(AccountBiller.UNAVAILABLE));
    }

    private AccountBillInquired inquired(JdbcAccountBills.Inquiry q, AccountBiller.Inquiry answer) {
        Map<String, String> names = names(q.billerId());
        if (answer instanceof AccountBiller.Due due) {
            Optional<PointsDiscounts.Offer> points = shares.offer(q.customer(), due.currency(), due.amountMinor());
            return new AccountBillInquired(
                    q.id(),
                    q.customer(),
                    q.billerId(),
                    names,
                    q.account(),
                    due.amountMinor(),
                    due.currency().code(),
                    due.dueDate(),
                    due.holderMasked(),
                    null,
                    q.channel(),
                    points.map(PointsDiscounts.Offer::points).orElse(0L),
                    points.map(PointsDiscounts.Offer::valueMinor).orElse(0L));
        }
        return new AccountBillInquired(
                q.id(),
                q.customer(),
                q.billerId(),
                names,
                q.account(),
                0,
                null,
                null,
                null,
                ((AccountBiller.NotDue) answer).code(),
                q.channel(),
                0,
                0);
    }

    Map<String, String> names(String billerId) {
        return registry.find(billerId).map(BillerRegistry.ForeignBiller::names).orElse(Map.of("en", billerId));
    }

    /**
     * Confirm under an answered inquiry, in the caller's transaction: records the payment and
     * reserves its money, or rejects it with the reason (nothing moved); the worker pays the biller.
     */
    AccountBillResult accept(CustomerId customer, UUID inquiryId, boolean usePoints) {
        return writes.write(tx -> {
            UUID id = paymentId(inquiryId);
            Optional<JdbcAccountBills.Payment> existing = store.find(id);
            if (existing.isPresent()) {
                return existing.get().customer().equals(customer)
                        ? accepted(existing.get(), true)
                        : new AccountBillResult.Refused(AccountBillResult.NOT_DUE);
            }
            Optional<JdbcAccountBills.Inquiry> inquiry = store.inquiry(inquiryId)
                    .filter(q -> q.customer().equals(customer) && JdbcAccountBills.Inquiry.DUE.equals(q.status()));
            if (inquiry.isEmpty()) {
                return new AccountBillResult.Refused(AccountBillResult.NOT_DUE);
            }
            if (inquiry.get()
                    .updatedAt()
                    .plus(properties.accountBiller().quoteTtl())
                    .isBefore(now())) {
                return new AccountBillResult.Refused(AccountBillResult.QUOTE_EXPIRED);
            }
            if (store.billTaken(inquiry.get().billKey())) { // another Confirm of the same due bill
                return new AccountBillResult.Refused(AccountBillResult.BILL_ALREADY_PAID);
            }
            return accepted(begin(id, inquiry.get(), usePoints), false);
        });
    }

    private JdbcAccountBills.Payment begin(UUID id, JdbcAccountBills.Inquiry q, boolean usePoints) {
        Optional<AccountId> from =
                directory.primaryAccount(q.customer(), q.currency().code());
        String refusal = from.isEmpty() ? "no_account_in_currency" : refusal(q);
        UUID transfer = UUID.nameUUIDFromBytes(
                ("account-bill-transfer|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JdbcAccountBills.Payment payment = new JdbcAccountBills.Payment(
                id,
                q.id(),
                q.customer(),
                q.billerId(),
                q.account(),
                q.amountMinor(),
                q.currency(),
                q.channel(),
                refusal == null ? BillPaymentStatus.PENDING : BillPaymentStatus.REJECTED,
                refusal,
                refusal == null ? transfer : null,
                null,
                null,
                0,
                0,
                null);
        store.insert(payment, q.billKey(), now());
        if (refusal != null) {
            return payment;
        }
        Reservations.Pending pending = new Reservations.Pending(
                id,
                q.customer(),
                transfer,
                from.get(),
                accounts.open(billerKey(q.billerId()), q.currency()),
                q.amountMinor(),
                q.currency(),
                TRANSFER_CODE,
                Metadata.of(Map.of("account_bill_payment", id.toString(), "biller", q.billerId())));
        Optional<PointsShares.Held> points =
                usePoints ? shares.hold(id, q.customer(), q.currency(), q.amountMinor()) : Optional.empty();
        Optional<String> refused = reservations.reserve(pending, points);
        if (refused.isPresent()) {
            store.update(id, BillPaymentStatus.REJECTED, refused.get(), null, null, now());
            return store.find(id).orElseThrow();
        }
        if (points.isPresent()) { // issue 16 s3.7: the bank's rewards account pays what the points are worth
            UUID byPoints = reservations.reservePoints(
                    pending,
                    points.get(),
                    UUID.nameUUIDFromBytes(
                            ("account-bill-points|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            store.discount(id, points.get().points(), points.get().valueMinor(), byPoints);
        }
        return store.find(id).orElseThrow();
    }

    /** The risk policy's refusal of the payment, null when it may go. */
    private String refusal(JdbcAccountBills.Inquiry q) {
        Optional<CustomerView> customer = risk.active(q.customer());
        if (customer.isEmpty()) {
            return BillPaymentResult.CUSTOMER_NOT_FOUND;
        }
        return BillingRisk.refusal(
                risk.assess(q.customer(), customer.get(), q.channel(), q.amountMinor(), q.currency(), now()));
    }

    private static AccountBillResult accepted(JdbcAccountBills.Payment p, boolean replayed) {
        return new AccountBillResult.Accepted(
                p.id(),
                p.status(),
                p.code(),
                p.billerId(),
                p.account(),
                p.amountMinor(),
                p.currency().code(),
                p.points(),
                p.discountMinor(),
                replayed);
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
