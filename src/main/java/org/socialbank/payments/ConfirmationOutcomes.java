package org.socialbank.payments;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.payments.jdbc.JdbcPayments;
import org.socialbank.payments.jdbc.PaymentRow;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries out a held payment once its payer confirmed exactly it on the step-up page, or ends
 * it when the step-up failed. Runs inside the transaction that closed the step-up, so the
 * confirmation and the payment commit together.
 */
@Component
class ConfirmationOutcomes {

    private final JdbcPayments store;
    private final PayAlias pay;
    private final DurableTransactions writes;
    private final Clock clock;

    ConfirmationOutcomes(JdbcPayments store, PayAlias pay, DurableTransactions writes, Clock clock) {
        this.store = store;
        this.pay = pay;
        this.writes = writes;
        this.clock = clock;
    }

    @EventListener
    void on(OperationConfirmed event) {
        held(event.reference(), event.challengeId()).ifPresent(id -> writes.write(status -> {
            store.lock(id).filter(r -> waiting(r, event.challengeId())).ifPresent(r -> {
                boolean same = r.amountMinor() == event.amountMinor() && r.currency().equals(event.currency())
                        && PayAlias.payeeLabel(r).equals(event.payee()) && event.feeMinor() == 0
                        && r.payer().equals(event.customerId());
                if (same) {
                    store.updateExecution(pay.execute(r), now());
                } else {
                    store.changeStatus(r.id(), PaymentStatus.NOT_CONFIRMED, "confirmation_mismatch", now());
                }
            });
            return null;
        }));
    }

    @EventListener
    void on(OperationNotConfirmed event) {
        held(event.reference(), event.challengeId()).ifPresent(id -> writes.write(status -> {
            store.lock(id).filter(r -> waiting(r, event.challengeId())).ifPresent(r -> store.changeStatus(r.id(),
                    PaymentStatus.NOT_CONFIRMED, event.reason(), now()));
            return null;
        }));
    }

    private static boolean waiting(PaymentRow r, java.util.UUID challenge) {
        return r.status() == PaymentStatus.AWAITING_CONFIRMATION && challenge.equals(r.confirmationId());
    }

    private static Optional<PaymentId> held(String reference, java.util.UUID challenge) {
        if (reference == null || !reference.startsWith(PayAlias.CONFIRMATION_PREFIX) || challenge == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PaymentId.of(reference.substring(PayAlias.CONFIRMATION_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // another module's operation
        }
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
