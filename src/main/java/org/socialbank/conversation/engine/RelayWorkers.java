package org.socialbank.conversation.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.shared.Network;

/**
 * The outbox relay's bounded pool of send workers: at most {@code relay-in-flight-max} sends
 * under way at once and {@code relay-channel-in-flight-max} on one channel, so a chat or a bot
 * that must wait holds one worker and never the others. Split out of {@link OutboxRelay} so the
 * counting of slots (taken both or neither, always given back) reads in one place.
 */
final class RelayWorkers {

    /** Logs under the relay's name, as before the split, so log settings keyed on it still apply. */
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Map<Network, AtomicInteger> inFlight = new EnumMap<>(Network.class);
    private final int channelInFlightMax;
    private final Semaphore slots;
    private final ThreadPoolExecutor workers;
    private final RelaySignal signal;

    /** One in-flight count per channel this node has a sender for. */
    RelayWorkers(Set<Network> channels, ConversationProperties properties, RelaySignal signal) {
        for (Network channel : channels) {
            inFlight.put(channel, new AtomicInteger());
        }
        this.channelInFlightMax = properties.relayChannelInFlightMax();
        this.signal = signal;
        this.slots = new Semaphore(properties.relayInFlightMax());
        this.workers = new ThreadPoolExecutor(
                properties.relayInFlightMax(),
                properties.relayInFlightMax(),
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                new WorkerThreads());
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** The channels with room for one more send. */
    List<Network> open() {
        return inFlight.entrySet().stream()
                .filter(e -> e.getValue().get() < channelInFlightMax)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** How many workers are free now. */
    int free() {
        return slots.availablePermits();
    }

    /**
     * A worker's slot and one more send on the channel, both or neither: none when every worker is
     * busy, the channel has relay-channel-in-flight-max sends under way, or this node has no sender
     * for it. Given back by {@link #release} (or by {@link #submit}'s send when it ends).
     */
    boolean reserve(Network channel) {
        AtomicInteger count = inFlight.get(channel);
        if (count == null || !slots.tryAcquire()) {
            return false;
        }
        if (takeChannel(count)) {
            return true;
        }
        slots.release();
        return false;
    }

    /** Gives back what {@link #reserve} took. */
    void release(Network channel) {
        inFlight.get(channel).decrementAndGet();
        slots.release();
    }

    private boolean takeChannel(AtomicInteger channel) {
        while (true) {
            int now = channel.get();
            if (now >= channelInFlightMax) {
                return false;
            }
            if (channel.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Runs a send on a worker; what {@link #reserve} took for it is given back after. */
    Future<Integer> submit(Supplier<Integer> send, Network channel) {
        try {
            return workers.submit(() -> {
                try {
                    return send.get();
                } catch (RuntimeException e) {
                    log.warn("outbox relay: {}; the row is taken again when its lease ends", e.toString());
                    return 0;
                } finally {
                    release(channel);
                    signal.wake();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // shutting down: the lease runs out and a relay takes the row again
            release(channel);
            return CompletableFuture.completedFuture(0);
        }
    }

    /** Lets the sends under way end (at most ten seconds), then stops the workers. */
    void shutdown() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Daemon worker threads named for thread dumps. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "outbox-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
