package org.socialbank.payments;

import java.time.Clock;
import java.util.Optional;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries out a held payment once its payer confirmed exactly it on the step-up page, or ends
 * it when the step-up failed. Runs inside the transaction that closed the step-up, so the
 * confirmation and the payment commit together, and so the step-up page can ask at once what
 * became of the payment ({@link ConfirmedOperations}). Every end that pays nothing is published as
 * {@link HeldPaymentNotPaid} for the payer's chat.
 */
@Component
class ConfirmationOutcomes implements ConfirmedOperations {

    private final JdbcPayments store;
    private final PayAlias pay;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConfirmationOutcomes(
            JdbcPayments store,
            PayAlias pay,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.pay = pay;
        this.writes = writes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What became of a held payment confirmed on the step-up page: sent (to a customer, or into
     * escrow for a claim, whatever happened to it since), or refused with its rejection code.
     */
    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return id(operation).flatMap(store::find).flatMap(r -> switch (r.status()) {
            case AWAITING_CONFIRMATION -> Optional.<OperationOutcome>empty();
            case REJECTED, NOT_CONFIRMED ->
                Optional.of(new OperationOutcome.Refused(r.code() == null ? "rejected" : r.code(), available(r)));
            default -> Optional.of(new OperationOutcome.Carried());
        });
    }

    /** The chat the held payment was asked in (issue 13: the step-up page links back to it). */
    @Override
    public Optional<org.socialbank.shared.Network> chat(OperationRef operation) {
        return id(operation)
                .flatMap(store::find)
                .map(PaymentRow::channel)
                .flatMap(org.socialbank.shared.Network::fromWireName);
    }

    @EventListener
    void on(OperationConfirmed event) {
        held(event.operation(), event.challengeId())
                .ifPresent(id -> writes.write(status -> {
                    store.lock(id).filter(r -> waiting(r, event.challengeId())).ifPresent(r -> {
                        if (event.isExactly(r.payer(), r.amountMinor(), r.currency(), PayAlias.payeeLabel(r))) {
                            PaymentRow done = pay.execute(r, false); // the payer is on the bank's page, not in a chat
                            store.updateExecution(done, now());
                            if (done.status() == PaymentStatus.REJECTED) {
                                notPaid(done, PaymentStatus.REJECTED, done.code());
                            }
                        } else {
                            store.changeStatus(r.id(), PaymentStatus.NOT_CONFIRMED, "confirmation_mismatch", now());
                            notPaid(r, PaymentStatus.NOT_CONFIRMED, "confirmation_mismatch");
                        }
                    });
                    return null;
                }));
    }

    @EventListener
    void on(OperationNotConfirmed event) {
        held(event.operation(), event.challengeId())
                .ifPresent(id -> writes.write(status -> {
                    store.lock(id).filter(r -> waiting(r, event.challengeId())).ifPresent(r -> {
                        store.changeStatus(r.id(), PaymentStatus.NOT_CONFIRMED, event.reason(), now());
                        notPaid(r, PaymentStatus.NOT_CONFIRMED, event.reason());
                    });
                    return null;
                }));
    }

    private void notPaid(PaymentRow r, PaymentStatus status, String reason) {
        events.publishEvent(new HeldPaymentNotPaid(
                r.id(),
                r.payer(),
                r.amountMinor(),
                r.currency(),
                PayAlias.payeeLabel(r),
                status,
                reason,
                available(r)));
    }

    /** What the payer can spend now in the payment's currency, for a refusal for want of money. */
    private Long available(PaymentRow r) {
        return PaymentRejection.INSUFFICIENT_FUNDS.code().equals(r.code())
                ? pay.available(r.payer(), r.currency()).orElse(null)
                : null;
    }

    private static boolean waiting(PaymentRow r, java.util.UUID challenge) {
        return r.status() == PaymentStatus.AWAITING_CONFIRMATION
                && challenge.equals(r.confirmation().challengeId());
    }

    private static Optional<PaymentId> held(OperationRef operation, java.util.UUID challenge) {
        return challenge == null ? Optional.empty() : id(operation);
    }

    /** The payment a confirmation is for; empty for another module's operation. Ours carry the payment's id. */
    private static Optional<PaymentId> id(OperationRef operation) {
        return operation.ownedBy(PayAlias.CONFIRMATION_OWNER)
                ? Optional.of(PaymentId.of(operation.id()))
                : Optional.empty();
    }

    private java.time.Instant now() {
        return Microseconds.now(clock);
    }
}
