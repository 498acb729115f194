package org.socialbank.billing;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries on a held bill payment once its customer confirmed exactly it on the step-up page:
 * the money is reserved in the transaction that closed the step-up and the worker sends it to
 * the biller (a call that must not run inside that transaction). A step-up that failed, or
 * showed something else, ends the payment and frees its pair.
 */
@Component
class BillConfirmations implements ConfirmedOperations {

    private final JdbcBillPayments store;
    private final PayBill pay;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    BillConfirmations(
            JdbcBillPayments store,
            PayBill pay,
            Directory directory,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.pay = pay;
        this.directory = directory;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return id(operation).flatMap(store::find).flatMap(r -> outcome(r.status(), r.code()));
    }

    /** What the step-up page says of a held payment (a bill's or a card transfer's): none while it waits. */
    static Optional<OperationOutcome> outcome(BillPaymentStatus status, String code) {
        if (status == BillPaymentStatus.AWAITING_CONFIRMATION) {
            return Optional.empty();
        }
        if (status == BillPaymentStatus.REJECTED
                || status == BillPaymentStatus.NOT_CONFIRMED
                || status == BillPaymentStatus.FAILED) {
            return Optional.of(new OperationOutcome.Refused(code == null ? "rejected" : code, null));
        }
        return Optional.of(new OperationOutcome.Carried());
    }

    @EventListener
    void on(OperationConfirmed event) {
        id(event.operation())
                .ifPresent(id -> writes.write(tx -> {
                    store.lock(id).filter(r -> waiting(r, event.challengeId())).ifPresent(r -> {
                        boolean same = r.amountMinor() == event.amountMinor()
                                && r.currency().equals(event.currency())
                                && PayBill.payeeLabel(r.bill()).equals(event.payee())
                                && event.feeMinor() == 0
                                && r.customer().equals(event.customerId());
                        var from = directory.primaryAccount(
                                r.customer(), r.currency().code());
                        if (!same || from.isEmpty()) {
                            end(
                                    r,
                                    BillPaymentStatus.NOT_CONFIRMED,
                                    same ? "no_account_in_currency" : "confirmation_mismatch");
                            return;
                        }
                        store.update(r.id(), BillPaymentStatus.PENDING, null, null, null, null, now());
                        JdbcBillPayments.Row reserved = pay.reserve(
                                r.with(BillPaymentStatus.PENDING, null, null, r.challengeId(), null), from.get(), null);
                        if (reserved.status() == BillPaymentStatus.REJECTED) {
                            publishNotPaid(reserved, reserved.code());
                        }
                    });
                    return null;
                }));
    }

    @EventListener
    void on(OperationNotConfirmed event) {
        id(event.operation())
                .ifPresent(id -> writes.write(tx -> {
                    store.lock(id)
                            .filter(r -> waiting(r, event.challengeId()))
                            .ifPresent(r -> end(r, BillPaymentStatus.NOT_CONFIRMED, event.reason()));
                    return null;
                }));
    }

    private void end(JdbcBillPayments.Row r, BillPaymentStatus status, String code) {
        store.update(r.id(), status, code, null, null, null, now());
        publishNotPaid(r, code);
    }

    private void publishNotPaid(JdbcBillPayments.Row r, String code) {
        events.publishEvent(new BillNotPaid(
                r.id(),
                r.customer(),
                r.bill().billId(),
                r.bill().paymentId(),
                r.amountMinor(),
                r.currency().code(),
                code,
                r.channel()));
    }

    private static boolean waiting(JdbcBillPayments.Row r, UUID challengeId) {
        return r.status() == BillPaymentStatus.AWAITING_CONFIRMATION && challengeId.equals(r.challengeId());
    }

    /** The bill payment a confirmation is for; empty for another module's operation. */
    private static Optional<BillPaymentId> id(OperationRef operation) {
        if (!operation.ownedBy(PayBill.CONFIRMATION_OWNER)) {
            return Optional.empty();
        }
        return Uuids.parse(operation.id()).map(BillPaymentId::new);
    }

    private java.time.Instant now() {
        return Microseconds.now(clock);
    }
}
