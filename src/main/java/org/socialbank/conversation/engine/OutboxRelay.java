package org.socialbank.conversation.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.shared.Network;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox, many chats at once and each chat in order. A dispatcher claims due rows with a
 * lease and a token (only the earliest pending row of a chat is ever due, so one chat's rows go
 * one at a time) and hands each to a bounded pool of workers, at most {@code relay-in-flight-max}
 * at once and {@code relay-channel-in-flight-max} per channel; a chat or a bot that must wait
 * holds one worker and never the others. A worker whose chat has more rows queued sends them next
 * itself, in order, up to {@link #CHAT_TURN_MAX}, and a reply committed on this node goes
 * straight to a free worker when it is its chat's first pending row (issue 22). Each worker sends through the channel's
 * {@link ChannelSender} outside any transaction and records, under its lease only, the outcome:
 * SUCCEEDED, a jittered retry, FAILED after {@code send-attempts-max} tries or a final "no",
 * UNKNOWN after a send whose fate is not known (never resent blindly), or, for a rate limit's
 * "not now", the row back until then without a try counted.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RETRY_MAX = Duration.ofHours(1);
    /** The shortest "not now": a sender answering zero must not make a worker spin on one row. */
    private static final Duration NOT_NOW_MIN = Duration.ofMillis(100);
    /** The shortest pause between two looks for due rows of the dispatcher. */
    private static final Duration PASS_PAUSE_MIN = Duration.ofMillis(20);
    /** Most rows of one chat a worker sends in a row before it gives its place back. */
    static final int CHAT_TURN_MAX = 16;

    private final JdbcConversations store;
    private final PayloadSeal seal;
    private final Map<Network, ChannelSender> senders = new EnumMap<>(Network.class);
    private final Map<Network, AtomicInteger> inFlight = new EnumMap<>(Network.class);
    private final ConversationProperties properties;
    private final Clock clock;
    private final Set<String> reportedWithoutSender = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final ThreadPoolExecutor workers;
    private final RelaySignal signal;
    private volatile boolean running;
    /** Set by {@link #stop()}: a worker sends no further row of its chat. */
    private volatile boolean stopping;

    private Thread dispatcher;
    /** Tells the modules that track a message (issue 17's campaigns) what the platform answered. */
    private final org.springframework.context.ApplicationEventPublisher events;

    private final MeterRegistry meters;
    private final Map<Network, Timer> delays = new ConcurrentHashMap<>();

    OutboxRelay(
            JdbcConversations store,
            PayloadSeal seal,
            RelaySignal signal,
            List<ChannelSender> senders,
            ConversationProperties properties,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.events = events;
        this.meters = meters;
        this.store = store;
        this.seal = seal;
        this.signal = signal;
        for (ChannelSender sender : senders) {
            if (this.senders.put(sender.network(), sender) != null) {
                throw new IllegalStateException(
                        "two ChannelSenders for " + sender.network().wireName());
            }
            requireWithinLease(sender, properties.relayLease());
            inFlight.put(sender.network(), new AtomicInteger());
        }
        this.properties = properties;
        this.clock = clock;
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
        List<Network> open = inFlight.entrySet().stream()
                .filter(e -> e.getValue().get() < properties.relayChannelInFlightMax())
                .map(Map.Entry::getKey)
                .toList();
        int free = Math.min(max, slots.availablePermits());
        if (open.isEmpty() || free <= 0) {
            return List.of();
        }
        List<Future<Integer>> started = new ArrayList<>();
        for (JdbcConversations.Due due : store.due(open, clock.instant(), free)) {
            AtomicInteger channel = inFlight.get(due.channel());
            if (!reserve(channel)) {
                continue;
            }
            // each lease from the time it is taken
            Instant claimed = clock.instant();
            Instant until = claimed.plus(properties.relayLease());
            if (!store.claim(due.id(), claimed, until)) {
                release(channel);
                continue;
            }
            started.add(submit(() -> sendInTurn(due.id(), until), channel));
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
        AtomicInteger channel = inFlight.get(offer.channel());
        if (channel == null || !reserve(channel)) {
            signal.wake();
            return CompletableFuture.completedFuture(0);
        }
        return submit(
                () -> {
                    Instant claimed = clock.instant();
                    Instant until = claimed.plus(properties.relayLease());
                    return store.claimIfFirst(offer.id(), offer.channel(), offer.recipient(), claimed, until)
                            ? sendInTurn(offer.id(), until)
                            : 0;
                },
                channel);
    }

    /** Offers reach {@link #take} while this node's relay runs; a stopping relay only wakes. */
    private void offered(RelaySignal.Offer offer) {
        if (running && !stopping) {
            take(offer);
        } else {
            signal.wake();
        }
    }

    /**
     * A worker's slot and one more send on the channel, both or neither: none when every worker is
     * busy or the channel has relay-channel-in-flight-max sends under way. Given back by {@link #release}.
     */
    private boolean reserve(AtomicInteger channel) {
        if (!slots.tryAcquire()) {
            return false;
        }
        if (takeChannel(channel)) {
            return true;
        }
        slots.release();
        return false;
    }

    private void release(AtomicInteger channel) {
        channel.decrementAndGet();
        slots.release();
    }

    private boolean takeChannel(AtomicInteger channel) {
        while (true) {
            int now = channel.get();
            if (now >= properties.relayChannelInFlightMax()) {
                return false;
            }
            if (channel.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Runs a send on a worker; what {@link #reserve} took for it is given back after. */
    private Future<Integer> submit(java.util.function.Supplier<Integer> send, AtomicInteger channel) {
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

    /**
     * Sends the claimed row and then, while each send succeeds, its chat's next due row under a
     * lease of its own, at most {@link #CHAT_TURN_MAX} rows: a chat's rows go one at a time, and
     * handing each next one back to the dispatcher cost a pass of it per row, so a reply queued
     * behind a batch of its chat's alerts waited hundreds of milliseconds (issue 22). Answers how
     * many rows were sent.
     */
    private int sendInTurn(UUID first, Instant firstLease) {
        UUID id = first;
        Instant lease = firstLease;
        int sent = 0;
        while (true) {
            try {
                Optional<JdbcConversations.Pending> row = store.pending(id, lease);
                if (row.isEmpty() || !send(row.get(), lease)) {
                    return sent;
                }
                sent++;
                if (!row.get().laterPending() || sent >= CHAT_TURN_MAX || stopping) {
                    return sent;
                }
                Optional<Leased> next = claimNext(row.get());
                if (next.isEmpty()) {
                    return sent;
                }
                id = next.get().id();
                lease = next.get().until();
            } catch (RuntimeException e) {
                log.warn("outbox {}: {}; the row is taken again when its lease ends", id, e.toString());
                return sent;
            }
        }
    }

    /** A row claimed by this relay, and the end of its lease (its token). */
    private record Leased(UUID id, Instant until) {}

    /** The chat's next row, claimed, when it is due now (the one just sent is no longer pending). */
    private Optional<Leased> claimNext(JdbcConversations.Pending sent) {
        Instant now = clock.instant();
        Optional<UUID> next = store.nextDue(sent.channel(), sent.recipient(), now);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Instant claimed = clock.instant();
        Instant until = claimed.plus(properties.relayLease());
        return store.claim(next.get(), claimed, until) ? Optional.of(new Leased(next.get(), until)) : Optional.empty();
    }

    private boolean send(JdbcConversations.Pending row, Instant lease) {
        if (!clock.instant().isBefore(lease)) {
            return false; // the lease ran out before its turn: another relay may hold the row now
        }
        Optional<OutboundMessage> message = decoded(row);
        if (message.isEmpty()) {
            finish(row, lease, "FAILED", row.attempts() + 1, "undecodable payload", clock.instant());
            return false;
        }
        ChannelSender sender = senders.get(row.channel());
        SendOutcome outcome = outcome(sender, message.get());
        if (!record(row, lease, outcome)) {
            log.warn(
                    "outbox {} on {}: the lease was lost during the send; its outcome ({}) is not recorded, the "
                            + "relay that holds the row now records its own",
                    row.id(),
                    row.channel().wireName(),
                    outcome.getClass().getSimpleName());
            return false;
        }
        if (outcome instanceof SendOutcome.Sent) {
            recordedSent(sender, row);
        }
        return outcome instanceof SendOutcome.Sent;
    }

    /**
     * The row's message, or empty when its payload cannot be read (not JSON of an {@code Outbound},
     * or a sealed link that does not open): it would fail the same way at every lease, and hold
     * every later reply of its chat behind it, so it is failed at once, logged by its id and counted
     * (review 2026-12-07 channels follow-up). Never the payload in the log: it may hold a link.
     */
    private Optional<OutboundMessage> decoded(JdbcConversations.Pending row) {
        try {
            return Optional.of(new OutboundMessage(
                    row.id(),
                    row.identityId(),
                    row.channel(),
                    row.recipient(),
                    Json.outbound(seal.open(row.id(), row.payload()))));
        } catch (RuntimeException e) {
            log.warn(
                    "outbox {} on {}: its payload cannot be read ({}); failed, not sent",
                    row.id(),
                    row.channel().wireName(),
                    e.getClass().getSimpleName());
            meters.counter(
                            "socialbank.outbox.undecodable",
                            "channel",
                            row.channel().wireName())
                    .increment();
            return Optional.empty();
        }
    }

    /**
     * What the sender said. A sender that throws may have sent before throwing: unknown, unless it
     * says nothing was sent ({@link ChannelSender.NothingSent}, a fault of its reads before the
     * call): then a failed try, retried when the fault may pass (review 2026-12-07 channels follow-up).
     */
    private static SendOutcome outcome(ChannelSender sender, OutboundMessage message) {
        try {
            return sender.send(message, message.id().toString());
        } catch (ChannelSender.NothingSent e) {
            return new SendOutcome.Failed(e.retryable(), e.getMessage());
        } catch (RuntimeException e) {
            return new SendOutcome.Unknown("sender threw " + e);
        }
    }

    /** A report the platform made while the row was still ours is applied now (review 2026-12-07 channels follow-up). */
    private static void recordedSent(ChannelSender sender, JdbcConversations.Pending row) {
        try {
            sender.recordedSent(row.id());
        } catch (RuntimeException e) {
            log.warn("outbox {}: a report made during its send was not applied: {}", row.id(), e.toString());
        }
    }

    /** Writes the outcome under the lease; false when the lease was lost (nothing written). */
    private boolean record(JdbcConversations.Pending row, Instant lease, SendOutcome outcome) {
        Instant now = clock.instant();
        int attempts = row.attempts() + 1;
        if (outcome instanceof SendOutcome.Sent) {
            return finish(row, lease, "SUCCEEDED", attempts, null, now);
        }
        if (outcome instanceof SendOutcome.NotNow notNow) {
            if (now.isBefore(row.createdAt().plus(properties.rateLimitWaitMax()))) {
                return store.notNow(row.id(), lease, notNow.reason(), now.plus(notNowWait(notNow.retryAfter())));
            }
            outcome = new SendOutcome.Failed(
                    true, "rate limited for longer than rate-limit-wait-max: " + notNow.reason());
        }
        if (outcome instanceof SendOutcome.Unknown unknown) {
            log.warn(
                    "outbox {} on {}: outcome unknown ({}); left for the janitor",
                    row.id(),
                    row.channel().wireName(),
                    unknown.reason());
            return store.markUnknown(row.id(), lease, attempts, unknown.reason(), now);
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        if (!failed.retryable() || attempts >= properties.sendAttemptsMax()) {
            log.warn(
                    "outbox {} on {}: failed after {} tries: {}",
                    row.id(),
                    row.channel().wireName(),
                    attempts,
                    failed.reason());
            return finish(row, lease, "FAILED", attempts, failed.reason(), now);
        }
        return store.retryLater(row.id(), lease, attempts, failed.reason(), now.plus(backoff(attempts)));
    }

    /** The content (links: bearer secrets) is blanked at once, or by the janitor after sent-payload-ttl. */
    private boolean finish(
            JdbcConversations.Pending row, Instant lease, String status, int attempts, String error, Instant now) {
        Duration ttl = properties.sentPayloadTtl();
        boolean finished = store.finish(
                row.id(),
                lease,
                status,
                attempts,
                error,
                "SUCCEEDED".equals(status) ? now : null,
                now.plus(ttl),
                ttl.isZero());
        if (finished) {
            report(row.id(), "SUCCEEDED".equals(status) ? "accepted" : "failed", error, now);
        }
        if (finished && "SUCCEEDED".equals(status)) {
            delay(row.channel()).record(Duration.between(row.createdAt(), now));
        }
        return finished;
    }

    /**
     * {@code socialbank.outbox.delay}: from a reply's write (in its transaction) to the platform's
     * acceptance, retries and rate-limit waits included; what a customer waits once the bank decided.
     */
    private Timer delay(Network channel) {
        return delays.computeIfAbsent(
                channel,
                c -> Timer.builder("socialbank.outbox.delay")
                        .description("From an outbox row's write to the platform accepting it")
                        .tag("channel", c.wireName())
                        .register(meters));
    }

    /** A listener's fault never undoes a send that happened: it is logged, and the report is lost. */
    private void report(java.util.UUID id, String state, String reason, Instant now) {
        try {
            events.publishEvent(new org.socialbank.shared.OutboundReported(id, state, reason, now));
        } catch (RuntimeException e) {
            log.warn("outbox {}: the {} report was not recorded", id, state, e);
        }
    }

    static Duration notNowWait(Duration retryAfter) {
        return retryAfter.compareTo(NOT_NOW_MIN) < 0
                ? NOT_NOW_MIN
                : retryAfter.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retryAfter;
    }

    /** retry-base doubled per try, capped at an hour, times a random factor in [0.5, 1.5). */
    Duration backoff(int attempts) {
        Duration base = properties.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
        Duration capped = base.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : base;
        return Duration.ofMillis(
                (long) (capped.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble())));
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
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Daemon worker threads named for thread dumps. */
    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "outbox-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
