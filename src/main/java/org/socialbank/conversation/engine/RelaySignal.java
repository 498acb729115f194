package org.socialbank.conversation.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes this node's outbox relay when something may have become due: a reply committed, a send
 * ended. Without a wake the relay looks every {@code relay-interval}. A wake before the relay
 * waits is not lost.
 */
@Component
class RelaySignal {

    private boolean woken;

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
