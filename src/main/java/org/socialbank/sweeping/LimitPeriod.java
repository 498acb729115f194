package org.socialbank.sweeping;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The period a consent's maximum per period counts over, in calendar terms of the bank's zone. */
public enum LimitPeriod {
    DAY,
    WEEK,
    MONTH,
    YEAR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LimitPeriod> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }

    /** The first day of the period holding {@code day}: the day, its Monday, the 1st of its month or year. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }

    /** [from, until) of the period holding {@code at}, as instants. */
    public Window window(java.time.Instant at, ZoneId zone) {
        LocalDate start = start(ZonedDateTime.ofInstant(at, zone).toLocalDate());
        return new Window(
                start.atStartOfDay(zone).toInstant(),
                next(start).atStartOfDay(zone).toInstant());
    }

    public record Window(java.time.Instant from, java.time.Instant until) {}
}
