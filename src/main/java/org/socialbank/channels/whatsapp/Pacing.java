package org.socialbank.channels.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The business number's sending pace on this node: at most {@code perSecond} messages in any
 * second (a sliding window), nothing at all while a pause lasts (a rate limit of every send:
 * Meta's 130429 "throughput reached", 4 the app's API calls, 80007 the business account's, HTTP
 * 429; or a refused access token), and nothing to one user while their own pause lasts (131056,
 * too many messages to that user).
 */
final class Pacing {

    /** Users whose pause is remembered; the least recently paused is forgotten past this. */
    static final int USERS_MAX = 10_000;

    private final Clock clock;
    private final int perSecond;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();
    private final Map<String, Instant> userPauses = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > USERS_MAX;
        }
    };
    private Instant pausedUntil = Instant.MIN;
    private String pauseReason = "";

    Pacing(Clock clock, int perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }

    /** Nothing may go to the user before {@code retryAfter} from now, for {@code reason}. */
    record Wait(Duration retryAfter, String reason) {}

    /** How long nothing may go to {@code to}; empty when it may go now, and then the send is counted. */
    synchronized Optional<Wait> take(String to) {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return Optional.of(new Wait(
                    Duration.between(now, pausedUntil), "sending paused until " + pausedUntil + ": " + pauseReason));
        }
        Instant user = userPauses.get(to);
        if (user != null && now.isBefore(user)) {
            return Optional.of(
                    new Wait(Duration.between(now, user), "paused for this user until " + user + " (131056)"));
        }
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

    synchronized void pauseAll(Duration pause, String reason) {
        Instant until = clock.instant().plus(pause);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            pauseReason = reason;
        }
    }

    synchronized void pauseUser(String to, Duration pause) {
        userPauses.put(to, clock.instant().plus(pause));
    }
}
