package org.socialbank.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The bank's instants are microseconds: H2 and PostgreSQL keep no finer time, so an instant cut
 * to them before it is written compares equal to what the transaction reads back, and a row due
 * "now" is due on every store. Every timestamp a module writes comes from here.
 */
public final class Microseconds {

    private Microseconds() {}

    /** The clock's instant cut to microseconds. */
    public static Instant now(Clock clock) {
        return cut(clock.instant());
    }

    /** {@code instant} cut to microseconds (an instant a caller gave, stored as is otherwise). */
    public static Instant cut(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
