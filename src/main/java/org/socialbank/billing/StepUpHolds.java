package org.socialbank.billing;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.event.EventListener;

/**
 * The payments of one kind held for the step-up on the bank's page (Iranian bills, card
 * transfers), the same for both: which held payment a confirmation is about, what the page says of
 * it, and, in the transaction that closed the step-up, the payment locked while it still waits for
 * that challenge. What a confirmation, or its failure, then does is the kind's
 * ({@link #confirmed}, {@link #notConfirmed}).
 */
abstract class StepUpHolds<I, R extends StepUpHolds.Held<I>> implements ConfirmedOperations {

    /** A row that can be held for the step-up. */
    interface Held<I> extends ProviderCallRow<I> {

        String code();

        /** The step-up it waits for; null when never held. */
        UUID challengeId();
    }

    private final String owner;
    private final Function<UUID, I> id;
    private final ProviderCallTable<I, R> table;
    private final DurableTransactions writes;

    /** @param owner the owner the kind's operations are started under */
    StepUpHolds(String owner, Function<UUID, I> id, ProviderCallTable<I, R> table, DurableTransactions writes) {
        this.owner = owner;
        this.id = id;
        this.table = table;
        this.writes = writes;
    }

    /** What the step-up page says of a held payment: none while it waits. */
    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return id(operation).flatMap(table::find).flatMap(r -> outcome(r.status(), r.code()));
    }

    @EventListener
    void on(OperationConfirmed event) {
        whenWaiting(event.operation(), event.challengeId(), r -> confirmed(r, event));
    }

    @EventListener
    void on(OperationNotConfirmed event) {
        whenWaiting(event.operation(), event.challengeId(), r -> notConfirmed(r, event.reason()));
    }

    /**
     * The customer confirmed the step-up of {@code r} (locked, still waiting for it), in the
     * transaction that closed it: the kind checks it was exactly this payment and carries it on,
     * or ends it.
     */
    abstract void confirmed(R r, OperationConfirmed event);

    /** The step-up of {@code r} failed ({@code reason}): the kind ends it, nothing moved. */
    abstract void notConfirmed(R r, String reason);

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

    /**
     * In a transaction of its own, hands {@code then} the payment {@code operation} names, locked,
     * when it still waits for {@code challengeId}; nothing for another kind's operation or a payment
     * that has moved on.
     */
    private void whenWaiting(OperationRef operation, UUID challengeId, Consumer<R> then) {
        id(operation)
                .ifPresent(payment -> writes.write(tx -> {
                    table.lock(payment)
                            .filter(r -> r.status() == BillPaymentStatus.AWAITING_CONFIRMATION
                                    && challengeId.equals(r.challengeId()))
                            .ifPresent(then);
                    return null;
                }));
    }

    /** The payment a confirmation is for; empty for another kind's or module's operation. */
    private Optional<I> id(OperationRef operation) {
        if (!operation.ownedBy(owner)) {
            return Optional.empty();
        }
        return Uuids.parse(operation.id()).map(id);
    }
}
