package org.socialbank.shared;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A customer's quiet hours, read in her zone: from one local time to another, wrapping midnight
 * when the start is after the end (22:00-07:00). One rule for alerts held through the night and
 * campaign messages held until morning.
 */
public final class QuietHours {

    private QuietHours() {}

    /**
     * When the quiet hours that hold {@code at} end, on the minute; empty outside them or when
     * {@code from} is null (no quiet hours).
     */
    public static Optional<Instant> until(Instant at, ZoneId zone, LocalTime from, LocalTime to) {
        if (from == null) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = from.isAfter(to);
        boolean quiet = wraps ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(to).withSecond(0).withNano(0);
        return Optional.of((end.isAfter(local) ? end : end.plusDays(1)).toInstant());
    }
}
