package org.socialbank.payouts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Talks to the rail about payouts, never inside a transaction: the worker sends due PENDING
 * payouts, the janitor asks about sent, UNKNOWN and abandoned ones. Each call is made under a
 * lease on the row taken by a conditional update only one node can win, and its outcome is
 * recorded (with its event, in one transaction) only while that lease is still held and has not
 * run out. The rail's timeout plus the allowed clock skew must be shorter than the lease, or the
 * worker refuses to start. A send after the rail answered not_received goes under a new end-to-end
 * id: the rail refuses the old one for good, so a late arrival of the old send pays nothing.
 */
@Component
class PayoutWorker {

    private static final Logger log = LoggerFactory.getLogger(PayoutWorker.class);
    private static final int BACKOFF_SHIFT_MAX = 20;

    private final JdbcPayouts store;
    private final InterbankRail rail;
    private final DurableTransactions transactions;
    private final ApplicationEventPublisher events;
    private final PayoutsProperties properties;
    private final Clock clock;
    private final PayoutReviews reviews;

    PayoutWorker(
            JdbcPayouts store,
            InterbankRail rail,
            DurableTransactions transactions,
            ApplicationEventPublisher events,
            PayoutsProperties properties,
            Clock clock,
            PayoutReviews reviews) {
        this.store = store;
        this.rail = rail;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.reviews = reviews;
        if (rail.timeout().plus(properties.clockSkewMax()).compareTo(properties.lease()) >= 0) {
            // a call that outlives its lease lets another node ask about (and send) the payout meanwhile; each
            // node reads lease_until on its own clock, so another's may see it run out clock-skew-max early
            throw new IllegalStateException(
                    "The interbank rail " + rail.getClass().getSimpleName() + " waits up to "
                            + rail.timeout() + " for an answer, which with socialbank.payouts.clock-skew-max ("
                            + properties.clockSkewMax() + ") is not shorter than socialbank.payouts.lease ("
                            + properties.lease() + "): make the lease longer or the rail's timeout shorter");
        }
    }

    @Scheduled(
            fixedDelayString = "${socialbank.payouts.worker-interval:1s}",
            initialDelayString = "${socialbank.payouts.worker-interval:1s}")
    void scheduled() {
        if (!properties.workerEnabled()) {
            return;
        }
        try {
            sendDue();
            checkDue();
            reviews.markStale();
        } catch (RuntimeException e) {
            log.warn("Payout round failed; the next one tries again", e);
        }
    }

    /** Sends at most {@code batch-max} due payouts; returns how many this node sent. */
    int sendDue() {
        int sent = 0;
        for (UUID id : store.dueToSend(clock.instant(), properties.batchMax())) {
            sent += each(id, "send", this::sendOne);
        }
        return sent;
    }

    /** Asks the rail about at most {@code batch-max} due payouts; returns how many were asked about. */
    int checkDue() {
        int checked = 0;
        for (UUID id : store.dueToCheck(clock.instant(), properties.batchMax())) {
            checked += each(id, "check", this::checkOne);
        }
        return checked;
    }

    private int sendOne(UUID id) {
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant(); // a slow rail must not eat the leases of the rest of the batch
        if (!store.claimSend(id, owner, now, now.plus(properties.lease()))) {
            return 0;
        }
        Optional<JdbcPayouts.Row> row = store.find(new PayoutId(id));
        if (row.isEmpty()) {
            return 0;
        }
        recordSend(
                row.get(),
                owner,
                call(() -> rail.send(row.get().sendId(), row.get().order())));
        return 1;
    }

    private int checkOne(UUID id) {
        String owner = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!store.claimCheck(id, owner, now, now.plus(properties.lease()))) {
            return 0;
        }
        Optional<JdbcPayouts.Row> row = store.find(new PayoutId(id));
        if (row.isEmpty()) {
            return 0;
        }
        recordCheck(row.get(), owner, call(() -> rail.status(row.get().sendId())));
        return 1;
    }

    /**
     * One payout's turn; a fault in it (the store, or a listener of its outcome refusing it) is
     * logged and leaves the rest of the batch to run (review 2026-12-07 payout follow-up). Its
     * lease is kept until it runs out, then the janitor asks the rail again.
     */
    private static int each(UUID id, String what, java.util.function.ToIntFunction<UUID> turn) {
        try {
            return turn.applyAsInt(id);
        } catch (RuntimeException e) {
            log.warn("Payout {}: the {} failed; it is tried again once its lease runs out", id, what, e);
            return 0;
        }
    }

    private void recordSend(JdbcPayouts.Row row, String owner, RailAnswer answer) {
        UUID id = row.order().id().value();
        Instant now = clock.instant();
        if (answer instanceof RailAnswer.Accepted) {
            leaseKept(store.inFlight(id, owner, now, now.plus(properties.checkInterval())), row);
        } else if (answer instanceof RailAnswer.Unknown unknown) {
            leaseKept(store.unknown(id, owner, unknown.reason(), now, now.plus(properties.checkInterval())), row);
        } else {
            finish(row, owner, answer);
        }
    }

    private void recordCheck(JdbcPayouts.Row row, String owner, RailAnswer answer) {
        UUID id = row.order().id().value();
        Instant now = clock.instant();
        Instant next = now.plus(backoff(properties.checkInterval(), row.checks()));
        if (answer instanceof RailAnswer.Accepted) {
            leaseKept(store.inFlight(id, owner, now, next), row);
        } else if (answer instanceof RailAnswer.Unknown unknown) {
            leaseKept(store.unknown(id, owner, unknown.reason(), now, next), row);
        } else if (answer instanceof RailAnswer.Rejected rejected
                && RailAnswer.NOT_RECEIVED.equals(rejected.reason())
                && row.sends() < properties.sendsMax()) {
            // it never arrived and the rail refuses that id for good: a new id cannot pay twice
            Instant due = now.plus(backoff(properties.checkInterval(), row.sends()));
            leaseKept(store.resend(id, owner, EndToEndId.random(), now, due), row);
        } else {
            finish(row, owner, answer);
        }
    }

    /** SUCCEEDED or FAILED, with its event, in one transaction; nothing when the lease was lost. */
    private void finish(JdbcPayouts.Row row, String owner, RailAnswer answer) {
        PayoutOrder order = row.order();
        boolean settled = answer instanceof RailAnswer.Settled;
        String reason = answer instanceof RailAnswer.Rejected rejected ? rejected.reason() : null;
        transactions.write(tx -> {
            Instant now = clock.instant();
            if (!store.finish(
                    order.id().value(), owner, settled ? PayoutStatus.SUCCEEDED : PayoutStatus.FAILED, reason, now)) {
                log.warn(
                        "Payout {}: the rail answered after this node's lease ran out; its outcome is left to the "
                                + "next check",
                        order.id());
                return null;
            }
            events.publishEvent(
                    settled
                            ? new PayoutSucceeded(order.id(), order.reference())
                            : new PayoutFailed(order.id(), order.reference(), reason));
            return null;
        });
    }

    /** An answer that came after the lease ran out is dropped: the janitor asks the rail again. */
    private static void leaseKept(boolean recorded, JdbcPayouts.Row row) {
        if (!recorded) {
            log.warn(
                    "Payout {}: the rail answered after this node's lease ran out; its outcome is left to the next "
                            + "check",
                    row.order().id());
        }
    }

    private Duration backoff(Duration base, int tries) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), BACKOFF_SHIFT_MAX));
        return wait.compareTo(properties.checkIntervalMax()) > 0 ? properties.checkIntervalMax() : wait;
    }

    /** A rail that throws may have sent before it threw: that is an UNKNOWN, never a FAILED. */
    private static RailAnswer call(Supplier<RailAnswer> request) {
        try {
            RailAnswer answer = request.get();
            return answer != null ? answer : RailAnswer.unknown("the rail answered nothing");
        } catch (RuntimeException e) {
            log.warn("The interbank rail failed: {}", e.toString());
            return RailAnswer.unknown("rail error: " + e.getClass().getSimpleName());
        }
    }
}
