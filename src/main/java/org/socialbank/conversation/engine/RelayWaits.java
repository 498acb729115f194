package org.socialbank.conversation.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a row the platform did not take waits before its next send: a failed try backs off
 * (jittered, so many rows failed together do not come back together), and a rate limit's "not
 * now" waits what the platform asked, within bounds. Split out of {@link OutboxRelay} so the
 * bounds of both waits are in one place.
 */
final class RelayWaits {

    /** The longest wait of either kind. */
    static final Duration RETRY_MAX = Duration.ofHours(1);
    /** The shortest "not now": a sender answering zero must not make a worker spin on one row. */
    static final Duration NOT_NOW_MIN = Duration.ofMillis(100);

    private final Duration retryBase;

    RelayWaits(Duration retryBase) {
        this.retryBase = retryBase;
    }

    /** The platform's "retry after", at least {@link #NOT_NOW_MIN} and at most {@link #RETRY_MAX}. */
    static Duration notNowWait(Duration retryAfter) {
        return retryAfter.compareTo(NOT_NOW_MIN) < 0
                ? NOT_NOW_MIN
                : retryAfter.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retryAfter;
    }

    /** retry-base doubled per try, capped at an hour, times a random factor in [0.5, 1.5). */
    Duration backoff(int attempts) {
        Duration base = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
        Duration capped = base.compareTo(RETRY_MAX) > 0 ? RETRY_MAX : base;
        return Duration.ofMillis(
                (long) (capped.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }
}
