package org.socialbank.channels.wechat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The leases of the {@code wechat_retries} rows that runs on this node hold, renewed while they run
 * (review 2026-12-07 channels follow-up). A run lasting longer than {@code late-work-lease} (a slow
 * database, a slow downstream) would otherwise see its row claimed and run by a second node. Every
 * {@code late-work-lease}/3 each lease still running is moved to now + {@code late-work-lease}, with
 * one UPDATE conditional on the run's own token ({@code lease_holder}, fresh for every hold or
 * claim, so that even this node's next claim is another holder): a renewal that changes nothing
 * means the row was taken, and the run is told so ({@link Held#lost}). A run older than {@code
 * late-work-run-max} is renewed no more (logged and counted, {@value #OVERRAN}): a stuck node holds
 * a row at most that long plus one lease.
 */
final class LateWorkLeases implements AutoCloseable {

    static final String OVERRAN = "socialbank.channels.wechat.late_work.overran";
    /**
     * Leases renewed at most: the runs this node can hold at once (callbacks in flight and one
     * round's batch) with a margin; beyond, a lease is not renewed (logged).
     */
    static final int HELD_MAX = 2 * (WeChatCallbacks.IN_FLIGHT_MAX + WeChatRetries.BATCH_MAX);

    private static final Logger log = LoggerFactory.getLogger(LateWorkLeases.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final Duration runMax;
    private final Counter overran;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService renewer;

    LateWorkLeases(JdbcClient jdbc, WeChatProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = properties.lateWorkLease();
        this.runMax = properties.lateWorkRunMax();
        this.overran = Counter.builder(OVERRAN)
                .description("WeChat late work that ran past late-work-run-max; its lease is renewed no more")
                .register(meters);
    }

    /**
     * One run's hold on one row: the row's id and the run's token. {@link #lost} turns true when a
     * renewal finds the row taken by another holder (or gone).
     */
    static final class Held {
        private final String id;
        private final String token;
        private final Instant started;
        private volatile boolean lost;

        private Held(String id, String token, Instant started) {
            this.id = id;
            this.token = token;
            this.started = started;
        }

        String id() {
            return id;
        }

        String token() {
            return token;
        }

        /** Whether a renewal found the row no longer this run's: its final write will change nothing. */
        boolean lost() {
            return lost;
        }
    }

    /** A fresh holder token (36 characters, as {@code lease_holder} takes) for one hold or claim. */
    static String token() {
        return UUID.randomUUID().toString();
    }

    Duration lease() {
        return lease;
    }

    /** How often leases are renewed: a third of the lease, so two renewals may fail before it ends. */
    Duration renewEvery() {
        return lease.dividedBy(3);
    }

    /** A run holding row {@code id} under {@code token} has started: its lease is renewed from now on. */
    Held started(String id, String token) {
        Held run = new Held(id, token, clock.instant());
        if (held.size() >= HELD_MAX) {
            log.warn("wechat message {}: {} leases renewed already; this run's is not", id, HELD_MAX);
            return run;
        }
        held.put(token, run);
        return run;
    }

    /** The run has ended (whatever its outcome): its lease is renewed no more. */
    void ended(Held run) {
        held.remove(run.token());
    }

    /** Renews every running lease once; answers how many are still this node's. */
    int renew() {
        Instant now = clock.instant();
        int renewed = 0;
        for (Held run : held.values()) {
            if (Duration.between(run.started, now).compareTo(runMax) >= 0) {
                held.remove(run.token());
                overran.increment();
                log.error(
                        "wechat message {}: its run has lasted {} (late-work-run-max {}); its lease is renewed no more"
                                + " and ends by itself",
                        run.id(),
                        Duration.between(run.started, now),
                        runMax);
            } else if (extend(run, now)) {
                renewed++;
            } else if (held.remove(run.token()) != null) { // else it has just ended, and deleted its row
                run.lost = true;
                log.warn(
                        "wechat message {}: its lease was taken while it ran; this run's outcome is not kept",
                        run.id());
            }
        }
        return renewed;
    }

    /** Moves the lease to now + lease while this run still holds it: its token is the holder. */
    private boolean extend(Held run, Instant now) {
        return jdbc.sql("UPDATE wechat_retries SET lease_until = ? WHERE message_id = ? AND lease_holder = ?")
                        .params(Timestamps.utc(now.plus(lease)), run.id(), run.token())
                        .update()
                == 1;
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) { // the database: tried again at the next turn, before the leases end
            log.warn("wechat: late work leases could not be renewed ({})", WeChatRetries.faultOf(e));
        }
    }

    /** Starts renewing every {@link #renewEvery()} on a thread of its own (a slow scheduled job elsewhere cannot delay it). */
    void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "wechat-leases");
            thread.setDaemon(true);
            return thread;
        });
        long everyMs = renewEvery().toMillis();
        executor.scheduleWithFixedDelay(this::renewQuietly, everyMs, everyMs, TimeUnit.MILLISECONDS);
        renewer = executor;
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = renewer;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
