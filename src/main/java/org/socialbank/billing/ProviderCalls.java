package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The provider call every payment kind makes once its money is reserved (card transfers to the
 * switch, top-ups to the operator, Iranian and account bills to their biller), one piece of code
 * for all: the worker claims the reserved payments nobody sent and asks the provider, never inside
 * a transaction; the answer is booked on the locked row ({@link Settlements}: Succeeded posts,
 * Failed voids, Unknown keeps the money reserved); the janitor asks the provider's status of the
 * payments left PENDING or UNKNOWN once {@code recheck-after} has passed, for as long as it takes
 * (the reservation never expires); one still in doubt {@code pending-timeout} after it was sent,
 * paid without the ledger taking the money, or refused after its reservation was posted by hand,
 * is reported once ({@link PaymentInDoubt}). Each {@link Kind} brings
 * its table, its call, its codes and what it records and tells once the answer is booked.
 */
@Component
class ProviderCalls {

    /**
     * One payment kind.
     *
     * @param provider who is asked, as the logs name it ("card switch", "operator", "biller")
     * @param payments what the kind's payments are called in the worker's log ("top-ups")
     * @param log the kind's own logger
     * @param refusedCode the payment's code when the provider refused it
     * @param timeoutCode the payment's code when the provider says it never received it
     * @param call asks the provider to carry out a reserved payment (a throw or no answer is Unknown)
     * @param status asks the provider what became of a payment
     * @param record writes the booked answer on the locked row
     * @param ended what the kind does once the payment ended (completed or failed): points, events
     */
    record Kind<I, R extends ProviderCallRow<I>>(
            String provider,
            String payments,
            Logger log,
            ProviderCallTable<I, R> table,
            String refusedCode,
            String timeoutCode,
            Function<R, ProviderAnswer> call,
            Function<I, ProviderAnswer> status,
            Recording<R> record,
            Ending<R> ended) {}

    interface Recording<R> {
        void record(R row, Settlements.Booked booked, Instant now);
    }

    interface Ending<R> {
        void ended(R row, Settlements.Booked booked, ProviderAnswer answer);
    }

    private final Settlements settlements;
    private final BillingProperties properties;
    private final DurableTransactions writes;
    private final PaymentsInDoubt inDoubt;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProviderCalls(
            Settlements settlements,
            BillingProperties properties,
            DurableTransactions writes,
            PaymentsInDoubt inDoubt,
            ApplicationEventPublisher events,
            Clock clock) {
        this.settlements = settlements;
        this.properties = properties;
        this.writes = writes;
        this.inDoubt = inDoubt;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends the reserved payments nobody sent yet, then re-checks those in doubt. A fault on one
     * payment waits for the next round behind the others (its row goes to the back of the order),
     * so one payment that cannot be booked never stops the rest (review 2026-12-07 billing follow-up).
     */
    <I, R extends ProviderCallRow<I>> void work(Kind<I, R> kind) {
        try {
            for (I id : kind.table().unsent(properties.batchMax())) {
                each(kind, id, () -> {
                    if (writes.write(tx -> kind.table().claimSend(id, now()))) {
                        send(kind, id);
                    }
                });
            }
            for (I id : kind.table().inDoubt(now().minus(properties.recheckAfter()), properties.batchMax())) {
                each(
                        kind,
                        id,
                        () -> book(
                                kind,
                                id,
                                Settlements.ask(
                                        kind.provider(), () -> kind.status().apply(id))));
            }
        } catch (RuntimeException e) { // the lists themselves could not be read
            kind.log()
                    .warn(
                            "Sending or re-checking {} failed; will try again: {}",
                            kind.payments(),
                            e.getClass().getName());
        }
    }

    /** Sends or re-checks one payment; a fault is logged and the payment moved behind the others. */
    private <I, R extends ProviderCallRow<I>> void each(Kind<I, R> kind, I id, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // only the exception's type: its message might quote a card or a phone
            kind.log()
                    .warn(
                            "Sending or re-checking payment {} ({}) failed; will try again after the others: {}",
                            kind.table().key(id),
                            kind.payments(),
                            e.getClass().getName());
            try {
                writes.write(tx -> {
                    kind.table().later(id, now());
                    return null;
                });
            } catch (RuntimeException again) {
                kind.log()
                        .warn(
                                "Payment {} could not be moved back: {}",
                                kind.table().key(id),
                                again.getClass().getName());
            }
        }
    }

    /** Asks the provider about a reserved payment and books the answer; any other payment is left alone. */
    <I, R extends ProviderCallRow<I>> void send(Kind<I, R> kind, I id) {
        R row = kind.table().find(id).orElseThrow();
        if (row.status() != BillPaymentStatus.PENDING || row.transferId() == null) {
            return;
        }
        book(kind, id, kind.call().apply(row));
    }

    /** Books the answer about a payment still PENDING or UNKNOWN; anything else was booked already. */
    <I, R extends ProviderCallRow<I>> void book(Kind<I, R> kind, I id, ProviderAnswer answer) {
        writes.write(tx -> {
            kind.table()
                    .lock(id)
                    .filter(r -> r.status() == BillPaymentStatus.PENDING || r.status() == BillPaymentStatus.UNKNOWN)
                    .ifPresent(r -> {
                        Settlements.Booked booked = settlements.book(
                                r.id(), r.transferId(), answer, kind.refusedCode(), kind.timeoutCode());
                        kind.record().record(r, booked, now());
                        if (booked.notPaid()) {
                            // not "the money is back": it was taken; operations give it back
                            tellOnce(kind, r, PaymentInDoubt.Reason.POSTED_NOT_PAID);
                            return;
                        }
                        if (booked.status() != BillPaymentStatus.UNKNOWN) {
                            kind.ended().ended(r, booked, answer);
                        }
                        if (booked.notBooked()) {
                            tellOnce(kind, r, PaymentInDoubt.Reason.PAID_NOT_BOOKED);
                        } else if (booked.status() == BillPaymentStatus.UNKNOWN && longInDoubt(r)) {
                            tellOnce(kind, r, PaymentInDoubt.Reason.STILL_CHECKING);
                        }
                    });
            return null;
        });
    }

    /**
     * Review 2026-12-07 money #4: the provider has not said for {@code pending-timeout} since it
     * was asked. The money stays held (the reservation never expires), the janitor keeps asking.
     */
    private boolean longInDoubt(ProviderCallRow<?> r) {
        return r.sentAt() != null
                && !r.sentAt().plus(properties.pendingTimeout()).isAfter(now());
    }

    /**
     * Once per payment and reason: an ERROR line with ids only for operations (the payment's
     * details stay in its row, listed in {@code billing_payments_in_doubt}), and the customer told.
     */
    private <I, R extends ProviderCallRow<I>> void tellOnce(Kind<I, R> kind, R r, PaymentInDoubt.Reason reason) {
        UUID paymentId = kind.table().key(r.id());
        if (!inDoubt.recordOnce(paymentId, reason, kind.payments(), r, now())) {
            return;
        }
        kind.log()
                .error(
                        "Payment {} ({}, pending transfer {}): {} since {}; operations to follow it up",
                        paymentId,
                        kind.payments(),
                        r.transferId(),
                        reason,
                        r.sentAt());
        events.publishEvent(new PaymentInDoubt(
                paymentId,
                r.customer(),
                r.payee(),
                r.amountMinor(),
                r.currency().code(),
                reason));
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
