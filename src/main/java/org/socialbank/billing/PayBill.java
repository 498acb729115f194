package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationRef;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.payments.risk.Decision;
import org.socialbank.payments.risk.Reject;
import org.socialbank.payments.risk.StepUp;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Component;

/**
 * Paying a bill: in one transaction, refuse a pair that is taken, ask the payments module's risk
 * policy, then reject, hold for a step-up, or reserve the money (a pending ledger transfer to the
 * biller's settlement account) under the pair's UNIQUE key; then, outside it, ask the biller
 * ({@link SendBills}). The payment's id is the idempotency key of all of it.
 */
@Component
class PayBill {

    static final CurrencyCode IRR = CurrencyCode.of("IRR");
    /** The owner of the bill payments held for the step-up page; their id is the payment's. */
    static final String CONFIRMATION_OWNER = "bill";

    static final String TRANSFER_CODE = "bill";

    private final JdbcBillPayments store;
    private final Directory directory;
    private final Confirmations confirmations;
    private final Reservations reservations;
    private final BillingRisk risk;
    private final BillerAccounts accounts;
    private final SendBills send;
    private final BillingProperties properties;
    private final DurableTransactions writes;
    private final Clock clock;
    private final PointsShares shares;

    PayBill(
            JdbcBillPayments store,
            Directory directory,
            Confirmations confirmations,
            Reservations reservations,
            BillingRisk risk,
            BillerAccounts accounts,
            SendBills send,
            BillingProperties properties,
            DurableTransactions writes,
            Clock clock,
            PointsShares shares) {
        this.shares = shares;
        this.store = store;
        this.directory = directory;
        this.confirmations = confirmations;
        this.reservations = reservations;
        this.risk = risk;
        this.accounts = accounts;
        this.send = send;
        this.properties = properties;
        this.writes = writes;
        this.clock = clock;
    }

    BillPaymentResult pay(BillPaymentOrder order) {
        BillPaymentResult result = writes.write(tx -> begin(order, true, false));
        if (result instanceof BillPaymentResult.Done done
                && !done.replayed()
                && done.payment().status() == BillPaymentStatus.PENDING) {
            send.send(order.id());
            return new BillPaymentResult.Done(
                    store.find(order.id()).orElseThrow().view(types(), null), false);
        }
        return result;
    }

    /**
     * Records the payment in the caller's transaction (a chat message's) and reserves its money;
     * the worker sends it to the biller afterwards, so the biller is never asked inside it.
     */
    BillPaymentResult accept(BillPaymentOrder order, boolean usePoints) {
        return writes.write(tx -> begin(order, false, usePoints));
    }

    /**
     * @param sendNow whether the caller sends it at once; else the worker's {@code unsent} takes it
     * @param usePoints whether the customer's loyalty points pay a share (issue 16 s3.7); on a
     *     payment held for the step-up the choice is kept and they are held once it is confirmed
     */
    private BillPaymentResult begin(BillPaymentOrder order, boolean sendNow, boolean usePoints) {
        Optional<JdbcBillPayments.Row> existing = store.find(order.id());
        if (existing.isPresent()) {
            JdbcBillPayments.Row r = existing.get();
            return r.customer().equals(order.customer()) && r.bill().equals(order.bill())
                    ? new BillPaymentResult.Done(view(r, null), true)
                    : new BillPaymentResult.Refused(BillPaymentResult.ID_REUSED);
        }
        Optional<CustomerView> customer = risk.active(order.customer());
        if (customer.isEmpty()) {
            return new BillPaymentResult.Refused(BillPaymentResult.CUSTOMER_NOT_FOUND);
        }
        if (store.pairTaken(order.bill())) {
            return new BillPaymentResult.Refused(BillPaymentResult.BILL_ALREADY_PAID);
        }
        Instant now = now();
        JdbcBillPayments.Row fresh = new JdbcBillPayments.Row(
                order.id(),
                order.customer(),
                order.bill(),
                order.bill().amountRial(),
                IRR,
                order.channel(),
                BillPaymentStatus.REJECTED,
                null,
                null,
                null,
                null,
                null,
                now,
                now);
        Optional<AccountId> from = directory.primaryAccount(order.customer(), IRR.code());
        if (from.isEmpty()) {
            return done(
                    insert(fresh.with(BillPaymentStatus.REJECTED, "no_account_in_currency", null, null, null)), null);
        }
        Decision decision =
                risk.assess(order.customer(), customer.get(), order.channel(), fresh.amountMinor(), IRR, now);
        if (decision instanceof Reject reject) {
            return done(insert(fresh.with(BillPaymentStatus.REJECTED, reject.code(), null, null, null)), null);
        }
        if (decision instanceof StepUp stepUp) {
            return hold(fresh, stepUp.reason(), usePoints);
        }
        Instant sentAt = sendNow ? now : null;
        JdbcBillPayments.Row pending = insert(fresh.with(BillPaymentStatus.PENDING, null, null, null, sentAt));
        Optional<PointsShares.Held> points = usePoints
                ? shares.hold(order.id().value(), order.customer(), IRR, fresh.amountMinor())
                : Optional.empty();
        return done(reserve(pending, from.get(), sentAt, points), null);
    }

    /**
     * Holds the payment (and its pair) for the step-up page; its link is answered once, never
     * stored, and its code is the risk rule that held it ({@code reason}). No points are held while
     * it waits: the customer's choice of them is kept ({@code usePoints}, issue 16 s3.7).
     */
    private BillPaymentResult hold(JdbcBillPayments.Row row, String reason, boolean usePoints) {
        Optional<Confirmations.Started> started = confirmations.start(new Confirmations.Request(
                row.customer(),
                new OperationRef(CONFIRMATION_OWNER, row.id().toString()),
                row.amountMinor(),
                row.currency(),
                payeeLabel(row.bill()),
                0));
        if (started.isEmpty()) {
            return done(
                    insert(row.with(BillPaymentStatus.REJECTED, "confirmation_unavailable", null, null, null)), null);
        }
        JdbcBillPayments.Row held = insert(row.with(
                BillPaymentStatus.AWAITING_CONFIRMATION,
                reason,
                null,
                started.get().challengeId(),
                null));
        if (usePoints) {
            shares.choose(row.id().value(), row.customer());
        }
        return done(held, started.get().url());
    }

    /**
     * Reserves the money of an inserted PENDING row: a pending transfer to the biller's settlement
     * account, the {@code points} held for it paying their worth from the bank's rewards account
     * (issue 16 s3.7). A refusal by the ledger (no funds, a frozen account) rejects the payment,
     * releases the points and frees its pair. {@code sentAt} null leaves the sending to the worker.
     */
    JdbcBillPayments.Row reserve(
            JdbcBillPayments.Row row, AccountId from, Instant sentAt, Optional<PointsShares.Held> points) {
        UUID transfer = row.id().derive(TRANSFER_CODE);
        Reservations.Pending pending = new Reservations.Pending(
                row.id().value(),
                row.customer(),
                transfer,
                from,
                accounts.open(BillerAccounts.billerKey(row.bill()), row.currency()),
                row.amountMinor(),
                row.currency(),
                TRANSFER_CODE,
                Metadata.of(Map.of(
                        "bill_payment",
                        row.id().toString(),
                        "bill_id",
                        row.bill().billId(),
                        "payment_id",
                        row.bill().paymentId())));
        Optional<String> refused = reservations.reserve(pending, points);
        Instant now = now();
        if (refused.isPresent()) {
            store.update(row.id(), BillPaymentStatus.REJECTED, refused.get(), null, null, null, now);
            return row.with(BillPaymentStatus.REJECTED, refused.get(), null, row.challengeId(), null);
        }
        points.ifPresent(p -> reservations.recordPoints(pending, p));
        store.update(row.id(), BillPaymentStatus.PENDING, null, transfer, null, sentAt, now);
        return row.with(BillPaymentStatus.PENDING, null, transfer, row.challengeId(), sentAt);
    }

    /** What the step-up page shows as the payee. */
    static String payeeLabel(IranianBill bill) {
        return "bill " + bill.billId() + " / " + bill.paymentId();
    }

    private BillPaymentResult done(JdbcBillPayments.Row row, String confirmationUrl) {
        return new BillPaymentResult.Done(view(row, confirmationUrl), false);
    }

    /** The payment as its customer sees it, with the points that paid a share of it. */
    private BillPayment view(JdbcBillPayments.Row row, String confirmationUrl) {
        return shares.find(row.id().value())
                .map(p -> row.view(types(), confirmationUrl, p.points(), p.discountMinor()))
                .orElseGet(() -> row.view(types(), confirmationUrl));
    }

    private JdbcBillPayments.Row insert(JdbcBillPayments.Row row) {
        store.insert(row);
        return row;
    }

    private ServiceTypes types() {
        return properties.serviceTypes();
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
