package org.socialbank.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
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
 * (review 2026-12-07 money #7), backing off; a closed account's is left to operations.
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
        payingOut(event.id().value(), r -> giveBack(r).ifPresent(refusal -> held(r, refusal)));
    }

    /** The payout failed and the payer's account refused its money: held, and the payer told. */
    private void held(PaymentRow r, RejectionCode refusal) {
        HeldReturnPolicy.Next next = next(refusal, 1);
        if (next instanceof HeldReturnPolicy.RetryAt retry) {
            store.holdReturn(r.id(), HeldReturnPolicy.PAYOUT_FAILED, retry.at(), now());
        } else if (next instanceof HeldReturnPolicy.SettleByHand hand) {
            store.holdReturn(r.id(), hand.code(), null, now());
            log.warn("Payment {}: the payer's account is closed; its money is held for operations", r.id());
        }
        events.publishEvent(new PaymentReturnHeld(r.id(), r.payer(), r.amountMinor(), r.currency()));
    }

    /**
     * Offers held returns whose next try is due to the payer's account again, at most {@code
     * limit}; returns how many went back. Each is claimed first with a conditional update of its
     * next try, so two nodes never try the same one. A refusal waits twice as long as the one
     * before (at most {@code return-retry-max}); a closed account is not tried again (review
     * 2026-12-07 money follow-up, {@link HeldReturnPolicy}).
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
                        .map(r -> giveBack(r)
                                .map(refusal -> refusedAgain(r.id(), refusal))
                                .orElse(1))
                        .orElse(0);
            });
        }
        return returned;
    }

    /** Books a retry's refusal, in the retry's transaction: the next try, or none (closed); 0 returned. */
    private int refusedAgain(PaymentId id, RejectionCode refusal) {
        int tries = store.returnTries(id) + 1;
        HeldReturnPolicy.Next next = next(refusal, tries);
        if (next instanceof HeldReturnPolicy.RetryAt retry) {
            store.retryHeldReturnAt(id, retry.at(), retry.tries());
        } else if (next instanceof HeldReturnPolicy.SettleByHand hand) {
            store.settleHeldReturnByHand(id, hand.code(), now());
            log.warn("Payment {}: the payer's account is closed; its held money is left to operations", id);
        }
        return 0;
    }

    private HeldReturnPolicy.Next next(RejectionCode refusal, int tries) {
        return HeldReturnPolicy.after(
                refusal, tries, now(), properties.returnRetryInterval(), properties.returnRetryMax());
    }

    /**
     * Transfers the payout's money from settlement back to the account the payer paid from and
     * records the return; the ledger's refusal, with nothing moved, when it refuses it.
     */
    private Optional<RejectionCode> giveBack(PaymentRow r) {
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
            return Optional.of(rejected.code());
        }
        store.recordReturn(r.id(), PaymentStatus.RETURNED, "payout_failed", back, now());
        events.publishEvent(new PaymentReturned(r.id(), r.payer(), r.amountMinor(), r.currency(), "payout_failed"));
        return Optional.empty();
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
