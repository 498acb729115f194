package org.socialbank.listening.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a case's answer is due, pure: a public mention within a duration (e.g. 60 minutes, around
 * the clock: the internet does not wait for Monday), a formal complaint within N business days
 * (PSD2 art. 101: 15 business days) counted in the bank's zone, skipping the weekend and the
 * public holidays of the configured country's calendar.
 */
final class Deadlines {

    /** A calendar that leaves fewer than n business days in ten years is broken, not slow. */
    private static final int SCAN_DAYS_MAX = 3660;

    private final Duration replyWithin;
    private final int complaintBusinessDays;
    private final ZoneId zone;
    private final HolidayCalendar calendar;

    Deadlines(Duration replyWithin, int complaintBusinessDays, ZoneId zone) {
        this(replyWithin, complaintBusinessDays, zone, HolidayCalendar.WEEKENDS);
    }

    Deadlines(Duration replyWithin, int complaintBusinessDays, ZoneId zone, HolidayCalendar calendar) {
        this.replyWithin = replyWithin;
        this.complaintBusinessDays = complaintBusinessDays;
        this.zone = zone;
        this.calendar = calendar;
    }

    Instant due(CaseKind kind, Instant openedAt) {
        return switch (kind) {
            case PUBLIC_MENTION -> openedAt.plus(replyWithin);
            case COMPLAINT -> plusBusinessDays(openedAt, complaintBusinessDays, zone, calendar);
        };
    }

    /**
     * The end (midnight after) of the n-th business day after the day of {@code from}: a
     * complaint received on a Friday, n = 1, is due at the end of Monday; one received on a
     * Saturday counts from Monday too.
     */
    static Instant plusBusinessDays(Instant from, int n, ZoneId zone) {
        return plusBusinessDays(from, n, zone, HolidayCalendar.WEEKENDS);
    }

    static Instant plusBusinessDays(Instant from, int n, ZoneId zone, HolidayCalendar calendar) {
        LocalDate day = from.atZone(zone).toLocalDate();
        int left = n;
        for (int scanned = 0; left > 0; scanned++) {
            if (scanned > SCAN_DAYS_MAX) {
                throw new IllegalStateException("no " + n + " business days within " + SCAN_DAYS_MAX + " days");
            }
            day = day.plusDays(1);
            if (calendar.isBusinessDay(day)) {
                left--;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    static boolean isBusinessDay(DayOfWeek day) {
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
