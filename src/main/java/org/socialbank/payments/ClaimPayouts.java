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
 * the transaction that records the payout's outcome. When that account refuses it (frozen or
 * closed), the payment is {@code return_held}: the money stays on the settlement account, the
 * payer is told, operations see it listed, and {@link #retryHeld(int)} gives it back later
 * (review 2026-12-07 money #7).
 */
@Component
class ClaimPayouts {

    private static final Logger log = LoggerFactory.getLogger(ClaimPayouts.class);

    private final JdbcPayments store;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final PaymentsProperties properties;
    private final Clock clock;

    ClaimPayouts(
            JdbcPayments store,
            Ledger ledger,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            PaymentsProperties properties,
            Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.events = events;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(PayoutSucceeded event) {
        payingOut(event.id().value(), r -> store.changeStatus(r.id(), PaymentStatus.COMPLETED, null, now()));
    }

    @EventListener
    void on(PayoutFailed event) {
        payingOut(event.id().value(), r -> {
            if (giveBack(r)) {
                return;
            }
            store.holdReturn(r.id(), now().plus(properties.returnRetryInterval()), now());
            events.publishEvent(new PaymentReturnHeld(r.id(), r.payer(), r.amountMinor(), r.currency()));
        });
    }

    /**
     * Offers held returns whose next try is due to the payer's account again, at most {@code
     * limit}; returns how many went back. Each is claimed first with a conditional update that
     * moves its next try on, so two nodes never try the same one, and a refusal waits a round.
     */
    int retryHeld(int limit) {
        int returned = 0;
        for (PaymentId id : store.dueHeldReturns(now(), limit)) {
            returned += writes.write(status -> {
                if (!store.claimHeldReturn(id, now(), now().plus(properties.returnRetryInterval()))) {
                    return 0;
                }
                return store.lock(id)
                        .filter(r -> r.status() == PaymentStatus.RETURN_HELD)
                        .filter(this::giveBack)
                        .map(r -> 1)
                        .orElse(0);
            });
        }
        return returned;
    }

    /**
     * Transfers the payout's money from settlement back to the account the payer paid from and
     * records the return; false, with nothing moved, when the ledger refuses it.
     */
    private boolean giveBack(PaymentRow r) {
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
            log.warn(
                    "Payment {}: its failed payout's money could not be returned to the payer ({}); held",
                    r.id(),
                    rejected.code().code());
            return false;
        }
        store.recordReturn(r.id(), PaymentStatus.RETURNED, "payout_failed", back, now());
        events.publishEvent(new PaymentReturned(r.id(), r.payer(), r.amountMinor(), r.currency(), "payout_failed"));
        return true;
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
