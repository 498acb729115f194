package org.socialbank.listening.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a case's answer is due, pure: a public mention within a duration (e.g. 60 minutes, around
 * the clock: the internet does not wait for Monday), a formal complaint within N business days
 * (PSD2 art. 101: 15 business days) counted in the bank's zone, skipping Saturdays and Sundays.
 * Public holidays are not known here, so a deadline over a holiday comes a day early, never late.
 */
final class Deadlines {

    private final Duration replyWithin;
    private final int complaintBusinessDays;
    private final ZoneId zone;

    Deadlines(Duration replyWithin, int complaintBusinessDays, ZoneId zone) {
        this.replyWithin = replyWithin;
        this.complaintBusinessDays = complaintBusinessDays;
        this.zone = zone;
    }

    Instant due(CaseKind kind, Instant openedAt) {
        return switch (kind) {
            case PUBLIC_MENTION -> openedAt.plus(replyWithin);
            case COMPLAINT -> plusBusinessDays(openedAt, complaintBusinessDays, zone);
        };
    }

    /**
     * The end (midnight after) of the n-th business day after the day of {@code from}: a
     * complaint received on a Friday, n = 1, is due at the end of Monday; one received on a
     * Saturday counts from Monday too.
     */
    static Instant plusBusinessDays(Instant from, int n, ZoneId zone) {
        ZonedDateTime day = from.atZone(zone).toLocalDate().atStartOfDay(zone);
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day.getDayOfWeek())) {
                left--;
            }
        }
        return day.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    static boolean isBusinessDay(DayOfWeek day) {
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
