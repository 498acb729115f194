package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The business number's sending pace and pauses: at most {@code perSecond} messages in any second
 * on this node (a sliding window), nothing at all while a pause lasts (a rate limit of every send:
 * Meta's 130429 "throughput reached", 4 the app's API calls, 80007 the business account's, HTTP
 * 429; or a refused access token), and nothing to one user while their own pause lasts (131056,
 * too many messages to that user). The pauses are shared by every node through the database
 * ({@link Shared}; review 2026-12-07 channels follow-up): a node stores each pause it learns and
 * reads the others' at most every {@link #READ_EVERY}, so a send does not cost a query each.
 */
final class Pacing {

    /** Users whose pause is remembered; the least recently paused is forgotten past this. */
    static final int USERS_MAX = 10_000;
    /** How long a node goes by its last read of the shared pauses: another node's pause holds here this much later at most. */
    static final Duration READ_EVERY = Duration.ofSeconds(1);
    /**
     * The longest pause a read is believed for (the longest any {@code *-pause} property allows):
     * a row far in the future (a node whose clock is wrong) cannot stop sending for longer.
     */
    static final Duration PAUSE_MAX = Duration.ofHours(1);
    /** The scope of a pause of every send of the number; any other scope is a user's wa_id. */
    static final String EVERY_SEND = "*";

    private static final Logger log = LoggerFactory.getLogger(Pacing.class);

    /** Where the nodes share their pauses ({@link WhatsAppPauses}). */
    interface Shared {
        /** Nothing goes to {@code scope} before {@code until}, unless a later pause is stored already. */
        void extend(String scope, Instant until, String reason);

        /** The pauses running at {@code now}, at most {@code max}, every send's first. */
        List<Pause> active(Instant now, int max);
    }

    /** Nothing goes to {@code scope} ({@link #EVERY_SEND} or a wa_id) before {@code until}. */
    record Pause(String scope, Instant until, String reason) {}

    /** Nothing may go to the user before {@code retryAfter} from now, for {@code reason}. */
    record Wait(Duration retryAfter, String reason) {}

    private final Clock clock;
    private final int perSecond;
    private final Shared shared;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();
    /** The pauses as last read, and those learned here since. */
    private Map<String, Pause> known = new HashMap<>();
    /** Pauses learned here that the database did not take: they hold on this node at least. */
    private final Map<String, Pause> unstored = lru();

    private Instant readAt = Instant.MIN;
    /** Counts the pauses learned here, so that a read that overlapped one does not drop it. */
    private long learned;

    Pacing(Clock clock, int perSecond, Shared shared) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.shared = shared;
    }

    /** How long nothing may go to {@code to}; empty when it may go now, and then the send is counted. */
    Optional<Wait> take(String to) {
        Instant now = clock.instant();
        read(now);
        synchronized (this) {
            Optional<Pause> all = pauseOf(EVERY_SEND, now);
            if (all.isPresent()) {
                Instant until = all.get().until();
                return Optional.of(new Wait(
                        Duration.between(now, until),
                        "sending paused until " + until + ": " + all.get().reason()));
            }
            Optional<Pause> user = pauseOf(to, now);
            if (user.isPresent()) {
                Instant until = user.get().until();
                return Optional.of(
                        new Wait(Duration.between(now, until), "paused for this user until " + until + " (131056)"));
            }
            return pace(now);
        }
    }

    private Optional<Wait> pace(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minusSeconds(1))) {
            sent.pollFirst();
        }
        if (sent.size() >= perSecond) {
            return Optional.of(new Wait(
                    Duration.between(now, sent.peekFirst().plusSeconds(1)),
                    "at the number's sending rate of " + perSecond + " per second"));
        }
        sent.addLast(now);
        return Optional.empty();
    }

    /** The longer of the pause known and the one kept here only, when it still runs at {@code now}. */
    private Optional<Pause> pauseOf(String scope, Instant now) {
        Pause a = known.get(scope);
        Pause b = unstored.get(scope);
        Pause longer = a == null ? b : b == null || a.until().isAfter(b.until()) ? a : b;
        return Optional.ofNullable(longer).filter(p -> now.isBefore(p.until()));
    }

    /**
     * Reads the shared pauses when the last read is {@link #READ_EVERY} old (one thread reads, the
     * others go by the last read meanwhile). A database that cannot answer leaves the last read in
     * place until the next try: a send is never refused or failed for it.
     */
    private void read(Instant now) {
        long before;
        synchronized (this) {
            if (now.isBefore(readAt.plus(READ_EVERY))) {
                return;
            }
            readAt = now;
            before = learned;
        }
        List<Pause> rows;
        try {
            rows = shared.active(now, USERS_MAX);
        } catch (DataAccessException e) {
            log.warn("whatsapp: the shared pauses could not be read; going by the last read: {}", e.toString());
            return;
        }
        Map<String, Pause> read = new HashMap<>();
        Instant cap = now.plus(PAUSE_MAX);
        for (Pause p : rows) {
            read.put(p.scope(), p.until().isAfter(cap) ? new Pause(p.scope(), cap, p.reason()) : p);
        }
        synchronized (this) {
            if (learned != before) { // a pause learned here during the read may be missing from it
                known.forEach((scope, p) -> read.merge(scope, p, Pacing::longer));
            }
            known = read;
        }
    }

    /** Starts the pause a rate limit asks for, for {@code reason}; returns how long it lasts (zero: none). */
    Duration pause(RateLimits.Limit limit, String to, String reason) {
        if (limit instanceof RateLimits.PauseAll all) {
            pauseAll(all.pause(), reason);
            return all.pause();
        }
        if (limit instanceof RateLimits.PauseUser user) {
            pauseUser(to, user.pause());
            return user.pause();
        }
        return Duration.ZERO; // not a rate limit
    }

    void pauseAll(Duration pause, String reason) {
        learn(new Pause(EVERY_SEND, clock.instant().plus(pause), reason));
    }

    void pauseUser(String to, Duration pause) {
        learn(new Pause(to, clock.instant().plus(pause), "the pair rate limit (131056)"));
    }

    /**
     * Holds the pause here at once and stores it for the other nodes; one the database does not
     * take holds here only (logged), since the send or the status that taught it must go on.
     */
    private void learn(Pause pause) {
        synchronized (this) {
            learned++;
            known.merge(pause.scope(), pause, Pacing::longer);
        }
        try {
            shared.extend(pause.scope(), pause.until(), pause.reason());
        } catch (DataAccessException e) {
            log.warn(
                    "whatsapp: a pause until {} could not be shared; it holds on this node only: {}",
                    pause.until(),
                    e.toString());
            synchronized (this) {
                unstored.merge(pause.scope(), pause, Pacing::longer);
            }
        }
    }

    private static Pause longer(Pause a, Pause b) {
        return a.until().isAfter(b.until()) ? a : b;
    }

    private static Map<String, Pause> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pause> eldest) {
                return size() > USERS_MAX;
            }
        };
    }
}
