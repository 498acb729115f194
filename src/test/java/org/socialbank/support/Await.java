package org.socialbank.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait: poll a condition until it holds, or fail naming what was awaited (and
 * what was last seen). Never a fixed sleep (ADR 0009): a test waits for the state it reads, and
 * the deadline is a safety net, not a measure of speed.
 */
public final class Await {

    /** How long a test waits by default: generous, for a busy two-core machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private static final long FIRST_PAUSE_MS = 10;
    private static final long PAUSE_MAX_MS = 100;

    private Await() {}

    /** Waits up to {@link #DEFAULT} until the condition holds. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, DEFAULT, what);
    }

    /** Waits up to {@code within} until the condition holds; fails with "waited ... for what". */
    public static void until(BooleanSupplier condition, Duration within, String what) {
        until(() -> condition.getAsBoolean(), done -> done, within, done -> what);
    }

    /** As {@link #until(BooleanSupplier, Duration, String)}, describing what was awaited only on failure. */
    public static void until(BooleanSupplier condition, Duration within, Supplier<String> what) {
        until(() -> condition.getAsBoolean(), done -> done, within, done -> what.get());
    }

    /**
     * Reads {@code value} until {@code done} accepts it and returns that value; fails after
     * {@code within} with {@code describe} of the last value read.
     */
    public static <T> T until(
            Supplier<T> value, Predicate<? super T> done, Duration within, Function<? super T, String> describe) {
        long deadline = System.nanoTime() + within.toNanos();
        long pauseMs = FIRST_PAUSE_MS;
        while (true) {
            T now = value.get();
            if (done.test(now)) {
                return now;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + describe.apply(now));
            }
            pause(pauseMs);
            pauseMs = Math.min(PAUSE_MAX_MS, pauseMs * 2);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
