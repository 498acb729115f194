package org.socialbank.conversation.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes this node's outbox relay when something may have become due: a reply committed, a send
 * ended. Without a wake the relay looks every {@code relay-interval}. A wake before the relay
 * waits is not lost. A committed row is first offered to the running relay, whose free worker
 * takes it at once (issue 22); with no relay running here, an offer is a wake.
 */
@Component
class RelaySignal {

    /** An outbox row just committed on this node, and its chat. */
    record Offer(java.util.UUID id, org.socialbank.shared.Network channel, String recipient) {}

    private boolean woken;

    private volatile java.util.function.Consumer<Offer> taker;

    /** Offers a committed row to the relay that takes offers, else wakes the relay. */
    void offer(Offer offer) {
        java.util.function.Consumer<Offer> t = taker;
        if (t == null) {
            wake();
        } else {
            t.accept(offer);
        }
    }

    /** The running relay takes the offers from now on; null: none does (it stopped). */
    void takeOffersWith(java.util.function.Consumer<Offer> taker) {
        this.taker = taker;
    }

    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits for a wake, at most {@code atMost} (or until {@code stop} says so); clears it. */
    synchronized void await(Duration atMost, java.util.function.BooleanSupplier stop) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!woken && !stop.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        woken = false;
    }
}
