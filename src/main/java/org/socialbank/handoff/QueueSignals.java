package org.socialbank.handoff;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Live queue updates for the agents' pages (issue 19), on every node: while someone on this node
 * listens, the node reads the open cases' fingerprint from the database every {@code
 * queue-events-interval} and, when it changed, wakes this node's listeners. A change made on any
 * node (or straight in the database) reaches every node's pages; nothing is sent between nodes.
 */
@Component
public class QueueSignals implements SmartLifecycle {

    private final JdbcHandoffs store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger listeners = new AtomicInteger();
    private long fingerprint;
    private long version;
    private boolean stopped;
    private volatile boolean running;

    QueueSignals(JdbcHandoffs store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${socialbank.handoff.queue-events-interval:2s}", initialDelay = 1000)
    void poll() {
        if (listeners.get() > 0) {
            look();
        }
    }

    /** Reads the fingerprint now; wakes the listeners when it changed. */
    void look() {
        long now = store.openFingerprint(HandoffViews.OPEN_MAX);
        lock.lock();
        try {
            if (now != fingerprint) {
                fingerprint = now;
                version++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The version a new listener starts from. */
    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the queue changed after version {@code seen}, at most {@code max}; returns the
     * version then (equal to {@code seen} when nothing changed), or -1 once the node is stopping.
     */
    public long awaitChange(long seen, Duration max) throws InterruptedException {
        listeners.incrementAndGet();
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (version == seen && !stopped && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return stopped ? -1 : version;
        } finally {
            lock.unlock();
            listeners.decrementAndGet();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * The node is stopping: every listener returns, so that streams end before the web server's
     * graceful shutdown waits for them (this stops in a later phase than the server: first).
     */
    @Override
    public void stop() {
        running = false;
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
