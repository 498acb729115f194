package org.socialbank.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.payouts.PayoutFailed;
import org.socialbank.payouts.PayoutSucceeded;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends a claim paid out to another bank: completed when the payout settled; when it failed, the
 * money goes from the settlement account back to the account the payer paid from. Runs inside
 * the transaction that records the payout's outcome.
 */
@Component
class ClaimPayouts {

    private static final Logger log = LoggerFactory.getLogger(ClaimPayouts.class);

    private final JdbcPayments store;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    ClaimPayouts(
            JdbcPayments store,
            Ledger ledger,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    @EventListener
    void on(PayoutSucceeded event) {
        payingOut(event.id().value(), r -> store.changeStatus(r.id(), PaymentStatus.COMPLETED, null, now()));
    }

    @EventListener
    void on(PayoutFailed event) {
        payingOut(event.id().value(), r -> {
            Transfer escrowed =
                    ledger.transfer(new TransferId(r.transfers().transferId())).orElseThrow();
            UUID back = r.id().derive("payout-return");
            TransferResult result = ledger.transfer(NewTransfer.posted(
                    new TransferId(back),
                    BankAccounts.settlement(r.currency()),
                    escrowed.debitAccountId(),
                    r.amountMinor(),
                    r.currency(),
                    "payout-return"));
            if (result instanceof TransferResult.Rejected rejected) {
                // the payer's account is closed or frozen: the money stays in settlement for the staff to handle
                log.error(
                        "Payment {}: its failed payout could not be returned to the payer ({})",
                        r.id(),
                        rejected.code().code());
                return;
            }
            store.recordReturn(r.id(), PaymentStatus.RETURNED, "payout_failed", back, now());
            events.publishEvent(new PaymentReturned(r.id(), r.payer(), r.amountMinor(), r.currency(), "payout_failed"));
        });
    }

    private void payingOut(UUID payout, java.util.function.Consumer<PaymentRow> work) {
        store.byPayout(payout)
                .ifPresent(id -> writes.write(status -> {
                    store.lock(id)
                            .filter(r -> r.status() == PaymentStatus.PAYING_OUT)
                            .ifPresent(work);
                    return null;
                }));
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
