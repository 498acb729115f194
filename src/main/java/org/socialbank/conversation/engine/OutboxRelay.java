package org.socialbank.conversation.engine;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.shared.Network;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox, many chats at once and each chat in order. A dispatcher claims due rows with a
 * lease and a token (only the earliest pending row of a chat is ever due, so one chat's rows go
 * one at a time) and hands each to a bounded pool of workers, at most {@code relay-in-flight-max}
 * at once and {@code relay-channel-in-flight-max} per channel; a chat or a bot that must wait
 * holds one worker and never the others. A worker whose chat has more rows queued sends them next
 * itself, in order, up to {@link RelayTurns#CHAT_TURN_MAX}, and a reply committed on this node goes
 * straight to a free worker when it is its chat's first pending row (issue 22). Each worker sends
 * through the channel's {@link ChannelSender} outside any transaction and records, under its lease
 * only, the outcome: SUCCEEDED, a jittered retry, FAILED after {@code send-attempts-max} tries or a
 * final "no", UNKNOWN after a send whose fate is not known (never resent blindly), or, for a rate
 * limit's "not now", the row back until then without a try counted.
 *
 * <p>This class is the relay's bean, its lifecycle and its dispatcher; the parts live beside it,
 * package-private: {@link RelayWorkers} (the pool and its slots), {@link RelayLeases} (claiming
 * rows), {@link RelayTurns} (a chat's rows in order), {@link RelaySends} (one send and what its
 * answer or fault means), {@link RelayOutcomes} (the outcome under the lease), {@link RelayWaits}
 * (backoff and "not now") and {@link RelayMetrics}.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The shortest pause between two looks for due rows of the dispatcher. */
    private static final Duration PASS_PAUSE_MIN = Duration.ofMillis(20);

    private final JdbcConversations store;
    private final Map<Network, ChannelSender> senders = new EnumMap<>(Network.class);
    private final ConversationProperties properties;
    private final Set<String> reportedWithoutSender = ConcurrentHashMap.newKeySet();
    private final RelayWorkers workers;
    private final RelayLeases leases;
    private final RelayTurns turns;
    private final RelaySignal signal;
    private volatile boolean running;
    /** Set by {@link #stop()}: a worker sends no further row of its chat. */
    private volatile boolean stopping;

    private Thread dispatcher;

    OutboxRelay(
            JdbcConversations store,
            PayloadSeal seal,
            RelaySignal signal,
            List<ChannelSender> senders,
            ConversationProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.store = store;
        this.signal = signal;
        for (ChannelSender sender : senders) {
            if (this.senders.put(sender.network(), sender) != null) {
                throw new IllegalStateException(
                        "two ChannelSenders for " + sender.network().wireName());
            }
            requireWithinLease(sender, properties.relayLease());
        }
        this.properties = properties;
        this.workers = new RelayWorkers(this.senders.keySet(), properties, signal);
        this.leases = new RelayLeases(store, clock, properties.relayLease());
        RelayMetrics metrics = new RelayMetrics(meters);
        RelayOutcomes outcomes = new RelayOutcomes(store, properties, clock, metrics, events);
        RelaySends sends = new RelaySends(seal, Collections.unmodifiableMap(this.senders), outcomes, metrics, clock);
        this.turns = new RelayTurns(store, leases, sends, () -> stopping);
    }

    /**
     * A send that can outlast its lease lets another relay claim the row and send it again: the
     * start is refused, naming both sides (review 2026-12-07 channels follow-up).
     */
    static void requireWithinLease(ChannelSender sender, Duration lease) {
        ChannelSender.SendDurationMax max = sender.sendDurationMax();
        if (max.duration().compareTo(lease) >= 0) {
            throw new IllegalStateException("a send on " + sender.network().wireName() + " may take up to "
                    + max.duration() + " (" + max.properties()
                    + "), not less than socialbank.conversation.relay-lease (" + lease
                    + "): another relay could claim the row meanwhile and send it twice; lower those or raise"
                    + " relay-lease");
        }
    }

    /**
     * One synchronous run (tests, tools): claims and sends due rows until none is left or
     * {@code relay-batch-max} were started, waiting for each round of sends; returns how many were
     * sent. The dispatcher of a node with {@code relay-enabled} does the same without waiting.
     */
    public int relay() {
        reportChannelsWithoutSender();
        int started = 0;
        int sent = 0;
        while (started < properties.relayBatchMax()) {
            List<Future<Integer>> round = dispatch(properties.relayBatchMax() - started);
            if (round.isEmpty()) {
                break;
            }
            started += round.size();
            for (Future<Integer> send : round) {
                sent += join(send);
            }
        }
        return sent;
    }

    /** Claims due rows for free workers and starts their sends; each future says how many rows it sent. */
    private List<Future<Integer>> dispatch(int max) {
        List<Network> open = workers.open();
        int free = Math.min(max, workers.free());
        if (open.isEmpty() || free <= 0) {
            return List.of();
        }
        List<Future<Integer>> started = new ArrayList<>();
        for (JdbcConversations.Due due : leases.due(open, free)) {
            if (!workers.reserve(due.channel())) {
                continue;
            }
            Optional<RelayLeases.Leased> claimed = leases.claim(due.id());
            if (claimed.isEmpty()) {
                workers.release(due.channel());
                continue;
            }
            started.add(workers.submit(() -> turns.sendInTurn(claimed.get()), due.channel()));
        }
        return started;
    }

    /**
     * A row committed on this node a moment ago ({@link RelaySignal#offer}): a free worker claims
     * it, when it is its chat's earliest pending row, and sends it with the rest of its chat's
     * turn, without waiting for the dispatcher's next look (up to {@link #PASS_PAUSE_MIN} under
     * load, then its due query: issue 22). With no worker or channel slot free, the dispatcher is
     * woken instead; a row that is not its chat's first is left to it too, to go in order. Answers
     * how many rows the worker sent (0: not taken).
     */
    Future<Integer> take(RelaySignal.Offer offer) {
        if (!workers.reserve(offer.channel())) {
            signal.wake();
            return CompletableFuture.completedFuture(0);
        }
        return workers.submit(
                () -> leases.claimIfFirst(offer).map(turns::sendInTurn).orElse(0), offer.channel());
    }

    /** Offers reach {@link #take} while this node's relay runs; a stopping relay only wakes. */
    private void offered(RelaySignal.Offer offer) {
        if (running && !stopping) {
            take(offer);
        } else {
            signal.wake();
        }
    }

    /** The sender of a channel, if this node has one. */
    Optional<ChannelSender> sender(Network channel) {
        return Optional.ofNullable(senders.get(channel));
    }

    private void reportChannelsWithoutSender() {
        for (String channel : store.pendingChannels()) {
            boolean served =
                    Network.fromWireName(channel).filter(senders::containsKey).isPresent();
            if (!served && reportedWithoutSender.add(channel)) {
                log.warn("replies wait in the outbox for {}, which has no ChannelSender on this node", channel);
            }
        }
    }

    private static int join(Future<Integer> send) {
        try {
            return send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            return 0; // logged by the worker
        }
    }

    // --- the dispatcher of a node with relay-enabled ---------------------------------------

    private void dispatchForever() {
        long lastReport = System.nanoTime() - properties.relayInterval().toNanos();
        while (running) {
            long look = System.nanoTime();
            try {
                if (System.nanoTime() - lastReport >= properties.relayInterval().toNanos()) {
                    lastReport = System.nanoTime();
                    reportChannelsWithoutSender();
                }
                dispatch(properties.relayBatchMax());
            } catch (RuntimeException e) {
                log.warn("outbox relay: {}; trying again in {}", e.toString(), properties.relayInterval());
            }
            // Looks at most every PASS_PAUSE_MIN, so many sends ending at once make one look, not one
            // each; the pause is before the wait, so a reply that wakes an idle relay is looked for at once.
            pause(PASS_PAUSE_MIN.toNanos() - (System.nanoTime() - look));
            awaitWake(properties.relayInterval());
        }
    }

    private void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void awaitWake(Duration atMost) {
        try {
            signal.await(atMost, () -> !running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        if (!properties.relayEnabled() || running) {
            return;
        }
        running = true;
        stopping = false;
        signal.takeOffersWith(this::offered);
        dispatcher = new Thread(this::dispatchForever, "outbox-relay");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Stops without interrupting: an interrupt during H2 file I/O would close the embedded store. */
    @Override
    public void stop() {
        running = false;
        stopping = true;
        signal.takeOffersWith(null);
        signal.wake();
        Thread thread = dispatcher;
        try {
            if (thread != null) {
                thread.join(properties.relayInterval().toMillis() + 5_000);
            }
            workers.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
