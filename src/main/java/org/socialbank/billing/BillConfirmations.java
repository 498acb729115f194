package org.socialbank.billing;

import java.time.Clock;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Carries on a held bill payment once its customer confirmed exactly it on the step-up page:
 * the money is reserved in the transaction that closed the step-up and the worker sends it to
 * the biller (a call that must not run inside that transaction). The loyalty points its customer
 * chose when it was held pay their share now (issue 16 s3.7): the page binds the amount and the
 * bill, and the points only change who pays part of that amount; too few left by then, the whole
 * amount is the customer's and {@link PointsNotUsed} tells it. A step-up that failed, or showed
 * something else, ends the payment and frees its pair.
 */
@Component
class BillConfirmations extends StepUpHolds<BillPaymentId, JdbcBillPayments.Row> {

    private final JdbcBillPayments store;
    private final PayBill pay;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PointsShares shares;

    BillConfirmations(
            JdbcBillPayments store,
            PayBill pay,
            Directory directory,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock,
            PointsShares shares) {
        super(PayBill.CONFIRMATION_OWNER, BillPaymentId::new, store, writes);
        this.shares = shares;
        this.store = store;
        this.pay = pay;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Override
    void confirmed(JdbcBillPayments.Row r, OperationConfirmed event) {
        boolean same = event.isExactly(r.customer(), r.amountMinor(), r.currency(), PayBill.payeeLabel(r.bill()));
        var from = directory.primaryAccount(r.customer(), r.currency().code());
        if (!same || from.isEmpty()) {
            notConfirmed(r, same ? "no_account_in_currency" : "confirmation_mismatch");
            return;
        }
        store.update(r.id(), BillPaymentStatus.PENDING, null, null, null, null, now());
        PointsShares.Chosen points = shares.holdChosen(r.id().value(), r.customer(), r.currency(), r.amountMinor());
        JdbcBillPayments.Row reserved = pay.reserve(
                r.with(BillPaymentStatus.PENDING, null, null, r.challengeId(), null), from.get(), null, points.held());
        if (reserved.status() == BillPaymentStatus.REJECTED) {
            publishNotPaid(reserved, reserved.code());
        } else if (points.unavailable()) {
            events.publishEvent(r.pointsNotUsed());
        }
    }

    /** Ends the payment and frees its pair; nothing was held for it (chosen points are held on confirmation). */
    @Override
    void notConfirmed(JdbcBillPayments.Row r, String code) {
        store.update(r.id(), BillPaymentStatus.NOT_CONFIRMED, code, null, null, null, now());
        publishNotPaid(r, code);
    }

    private void publishNotPaid(JdbcBillPayments.Row r, String code) {
        events.publishEvent(r.notPaid(code));
    }

    private java.time.Instant now() {
        return Microseconds.now(clock);
    }
}
