package org.socialbank.channels.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.security.otp.Sealer;
import org.socialbank.shared.Faults;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * WeChat messages whose handling outlived their callback (review 2026-12-07 channels #2 and
 * follow-up). The callback is answered {@code success} when its budget runs out, so WeChat will
 * not send the message again: it is kept in {@code wechat_retries} before that answer, under the
 * lease of the node whose run goes on ({@link #hold}); the row goes when that run ends well ({@link
 * #ended}). When the run fails for the bank's own reason, or its node stops and the lease ends,
 * the message is handed to the engine again, every {@value #ROUND_SECONDS} s, until the engine
 * takes it. The
 * engine's inbox key ({@code m:} + {@code MsgId}, {@code e:}/{@code eh:} for events) makes a
 * repeat a duplicate, so a message is handled once however often it is tried; its replies leave
 * through the outbox relay as customer-service messages, like every late answer.
 *
 * <p>A node claims a due row with a conditional UPDATE of its lease before it runs it, so two
 * nodes never run one row at once; every hold and claim has a holder token of its own, and its
 * lease is renewed while it runs ({@link LateWorkLeases}), so a run longer than the lease is not
 * run again meanwhile; a node that stops mid-run, or a run past {@code late-work-run-max}, leaves
 * the lease to expire. Every final write is conditional on the run's token. The
 * message is sealed at rest (AES-GCM, bound to its id); log lines name ids and fault classes,
 * never the message or a fault's text (which may quote it).
 */
class WeChatRetries {

    static final int ROUND_SECONDS = 5;
    /** Rows one round claims at most. */
    static final int BATCH_MAX = 50;
    /** Tries of the engine at most; then the row is {@code failed}, for a person to look at. */
    static final int TRIES_MAX = 12;

    static final Duration PAUSE_FIRST = Duration.ofSeconds(5);
    static final Duration PAUSE_MAX = Duration.ofMinutes(10);
    /** How long a {@code failed} row is kept for a person to look at. */
    static final Duration FAILED_KEPT = Duration.ofDays(7);
    /** Tries of keeping a message when the database is still failing, a second apart and doubling. */
    static final int KEEP_TRIES_MAX = 5;

    private static final Logger log = LoggerFactory.getLogger(WeChatRetries.class);

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Sealer sealer;
    private final WeChatProperties properties;
    private final Clock clock;
    private final LateWorkLeases leases;

    WeChatRetries(
            JdbcClient jdbc,
            Conversations conversations,
            OneTimeCodes codes,
            WeChatProperties properties,
            Clock clock,
            LateWorkLeases leases) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.conversations = conversations;
        this.sealer = new Sealer(codes, "wechat retries");
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Keeps a message whose late handling failed for an infrastructure fault, due at once; a
     * message kept before stays as it is. While the database still fails it is tried a few times,
     * then logged as lost (by its id).
     */
    void keep(InboundMessage message, Throwable fault) {
        long pauseMs = 1_000;
        for (int attempt = 1; ; attempt++) {
            try {
                insert(message, fault);
                return;
            } catch (RuntimeException e) {
                if (attempt >= KEEP_TRIES_MAX || !Faults.infrastructure(e) || !pause(pauseMs)) {
                    log.error(
                            "wechat message {}: its handling failed and it could not be kept to be tried again ({}); it is lost",
                            message.externalMessageId(),
                            faultOf(e));
                    return;
                }
                pauseMs *= 2;
            }
        }
    }

    private void insert(InboundMessage message, Throwable fault) {
        insert(message, faultOf(fault), null, null);
    }

    /**
     * Keeps a message whose handling outlives its callback's budget, before the callback answers
     * {@code success} (review 2026-12-07 channels follow-up): a row under this run's lease for
     * {@code late-work-lease}, renewed while the run goes on ({@link LateWorkLeases}), so that no
     * round runs it meanwhile, and so that a round of any node runs it once the lease has ended if
     * this node stops first. Answers this run's hold on the row (empty: one was kept already, by a
     * late run elsewhere).
     */
    Optional<LateWorkLeases.Held> hold(InboundMessage message) {
        String token = LateWorkLeases.token();
        if (!insert(message, "", token, clock.instant().plus(leases.lease()))) {
            return Optional.empty();
        }
        return Optional.of(leases.started(message.externalMessageId(), token));
    }

    /**
     * The first run of a message kept by {@link #hold} ended: taken by the engine ({@code fault}
     * null), the row goes; failed for the bank's own reason ({@link Faults#infrastructure}), it
     * is due at once for any node's round; any other fault, it is {@code failed} for a person to
     * look at. Only while this run holds it: once the lease has ended another node may have taken
     * it, and its own run decides. A write that fails leaves the row to its lease's end.
     */
    void ended(LateWorkLeases.Held run, Throwable fault) {
        Instant now = clock.instant();
        String id = run.id();
        String holder = run.token();
        leases.ended(run);
        if (run.lost()) { // a renewal found the row taken: whatever this run says, the other run decides
            log.info("wechat message {}: no longer held by this run (its lease was taken; another run decides)", id);
            return;
        }
        try {
            int changed = fault == null
                    ? jdbc.sql("DELETE FROM wechat_retries WHERE message_id = ? AND lease_holder = ? AND tries = 0")
                            .params(id, holder)
                            .update()
                    : jdbc.sql(
                                    "UPDATE wechat_retries SET status = ?, next_try_at = ?, lease_holder = NULL, "
                                            + "lease_until = NULL, fault = ? WHERE message_id = ? AND lease_holder = ? AND tries = 0")
                            .params(
                                    Faults.infrastructure(fault) ? "retry" : "failed",
                                    Timestamps.utc(now),
                                    faultOf(fault),
                                    id,
                                    holder)
                            .update();
            if (changed == 0) {
                log.info("wechat message {}: no longer held by this run (its lease ended; another run decides)", id);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "wechat message {}: its first run ended, but its row could not be updated ({}); it is run again"
                            + " once its lease ends",
                    id,
                    faultOf(e));
        }
    }

    /** Inserts the sealed message, due now, under a lease or none; false when a row for it is kept already. */
    private boolean insert(InboundMessage message, String fault, String leaseHolder, Instant leaseUntil) {
        String id = message.externalMessageId();
        Instant now = clock.instant();
        try {
            jdbc.sql("INSERT INTO wechat_retries (message_id, message, status, tries, next_try_at, lease_holder, "
                            + "lease_until, fault, created_at) VALUES (?, ?, 'retry', 0, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            sealer.seal(WeChatApi.JSON.writeValueAsString(message), id),
                            Timestamps.utc(now),
                            leaseHolder,
                            Timestamps.utc(leaseUntil),
                            fault,
                            Timestamps.utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException kept) {
            return false; // kept before (another node's late run of the same message): one row is enough
        }
    }

    @Scheduled(fixedDelay = ROUND_SECONDS, initialDelay = ROUND_SECONDS, timeUnit = TimeUnit.SECONDS)
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            retryDue();
            deleteFailedBefore(clock.instant().minus(FAILED_KEPT));
        } catch (RuntimeException e) {
            log.warn("wechat: a round of retries failed ({}); its messages wait for the next", faultOf(e));
        }
    }

    /** Runs each due row this node can claim (at most {@link #BATCH_MAX}); answers how many were taken. */
    int retryDue() {
        Instant now = clock.instant();
        List<String> due = jdbc.sql("SELECT message_id FROM wechat_retries WHERE status = 'retry' AND next_try_at <= ? "
                        + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_try_at LIMIT ?")
                .params(Timestamps.utc(now), Timestamps.utc(now), BATCH_MAX)
                .query(String.class)
                .list();
        int taken = 0;
        for (String id : due) {
            // claimed as of now, not as of the round's start: the runs before it may have been long
            Optional<String> claimed = claim(id, clock.instant());
            if (claimed.isPresent() && run(leases.started(id, claimed.get()))) {
                taken++;
            }
        }
        return taken;
    }

    /**
     * Takes the row's lease if it is due and no other run holds it: one UPDATE, one winner. Answers
     * the claim's own holder token (a fresh one, so that a run of this node whose lease ended is
     * another holder too).
     */
    Optional<String> claim(String id, Instant now) {
        String token = LateWorkLeases.token();
        int claimed = jdbc.sql("UPDATE wechat_retries SET lease_holder = ?, lease_until = ?, tries = tries + 1 "
                        + "WHERE message_id = ? AND status = 'retry' AND next_try_at <= ? "
                        + "AND (lease_until IS NULL OR lease_until < ?)")
                .params(token, Timestamps.utc(now.plus(leases.lease())), id, Timestamps.utc(now), Timestamps.utc(now))
                .update();
        return claimed == 1 ? Optional.of(token) : Optional.empty();
    }

    /**
     * Hands a claimed row's message to the engine, its lease renewed meanwhile; answers whether it
     * was taken (the row then goes, if this run still holds it).
     */
    private boolean run(LateWorkLeases.Held run) {
        try {
            return runHeld(run);
        } finally {
            leases.ended(run);
        }
    }

    private boolean runHeld(LateWorkLeases.Held run) {
        String id = run.id();
        String holder = run.token();
        int tries = 0;
        try {
            Claimed claimed = jdbc.sql(
                            "SELECT message, tries FROM wechat_retries WHERE message_id = ? AND lease_holder = ?")
                    .params(id, holder)
                    .query((rs, n) -> new Claimed(rs.getString(1), rs.getInt(2)))
                    .single();
            tries = claimed.tries();
            conversations.receive(WeChatApi.JSON.readValue(sealer.open(claimed.sealed(), id), InboundMessage.class));
            // a duplicate when an earlier try did commit
        } catch (RuntimeException e) {
            release(id, holder, tries, Faults.infrastructure(e) && tries < TRIES_MAX, e);
            return false;
        }
        int deleted = run.lost()
                ? 0
                : jdbc.sql("DELETE FROM wechat_retries WHERE message_id = ? AND lease_holder = ?")
                        .params(id, holder)
                        .update();
        if (deleted == 0) { // its lease ended (a run past late-work-run-max) and another run took it
            log.info("wechat message {}: handled on try {}, but no longer held by this run", id, tries);
        } else {
            log.info("wechat message {}: handled on try {} after its callback was answered", id, tries);
        }
        return true;
    }

    /** A claimed row: its sealed message and how many tries, this one included. */
    private record Claimed(String sealed, int tries) {}

    /** Gives the row back: due again after a pause that doubles with each try, or failed for good. */
    private void release(String id, String holder, int tries, boolean again, RuntimeException fault) {
        Instant next = clock.instant().plus(pause(tries));
        int released = jdbc.sql(
                        "UPDATE wechat_retries SET status = ?, next_try_at = ?, lease_holder = NULL, lease_until = NULL, "
                                + "fault = ? WHERE message_id = ? AND lease_holder = ?")
                .params(again ? "retry" : "failed", Timestamps.utc(next), faultOf(fault), id, holder)
                .update();
        if (released == 0) {
            log.info(
                    "wechat message {}: try {} failed ({}), but no longer held by this run", id, tries, faultOf(fault));
        } else if (again) {
            log.warn("wechat message {}: try {} failed ({}); tried again at {}", id, tries, faultOf(fault), next);
        } else {
            log.error("wechat message {}: try {} failed ({}); not tried again", id, tries, faultOf(fault));
        }
    }

    /** The pause after the given try: {@link #PAUSE_FIRST}, doubling, at most {@link #PAUSE_MAX}. */
    static Duration pause(int tries) {
        int doublings = Math.min(Math.max(tries - 1, 0), 16);
        Duration pause = PAUSE_FIRST.multipliedBy(1L << doublings);
        return pause.compareTo(PAUSE_MAX) > 0 ? PAUSE_MAX : pause;
    }

    /** Deletes at most {@link #BATCH_MAX} failed rows kept since before {@code before}; answers how many. */
    int deleteFailedBefore(Instant before) {
        return jdbc.sql("DELETE FROM wechat_retries WHERE message_id IN (SELECT message_id FROM wechat_retries "
                        + "WHERE status = 'failed' AND created_at < ? ORDER BY created_at LIMIT ?)")
                .params(Timestamps.utc(before), BATCH_MAX)
                .update();
    }

    /**
     * A fault as the class names of its chain, at most 200 characters: a fault's message may quote
     * SQL or the customer's words, so it never reaches a log line or the table.
     */
    static String faultOf(Throwable fault) {
        StringBuilder names = new StringBuilder();
        Throwable t = fault;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            names.append(depth == 0 ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return names.length() <= 200 ? names.toString() : names.substring(0, 200);
    }

    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
