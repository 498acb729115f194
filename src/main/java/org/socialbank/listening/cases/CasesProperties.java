package org.socialbank.listening.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of social care ({@code socialbank.listening.cases.*}), validated at start-up.
 *
 * @param defaultTeam the console team whose queue a new case joins
 * @param replyWithin how soon a public mention is answered (around the clock)
 * @param complaintBusinessDays how many business days a formal complaint may take (PSD2: 15)
 * @param zone the bank's zone, where business days begin and end
 * @param alertEvery how often a node looks for new spikes to raise as alerts
 * @param alertsEnabled whether this node raises spike alerts at all
 * @param holidays the country whose public holidays business days skip ({@code IR}, {@code CN},
 *     {@code FR}, {@code RU}, {@code GB}, {@code IN}: shipped in {@code listening/holidays/}); empty:
 *     only the weekend is skipped
 * @param extraHolidays more days off (a decree, a bank's own closing), e.g. {@code 2026-05-04}
 * @param extraWorkingDays weekend days the bank works (China's make-up days not shipped)
 * @param weekend the weekend days when they differ from the calendar's (default Saturday and
 *     Sunday; Iran's file says Friday)
 */
@ConfigurationProperties("socialbank.listening.cases")
public record CasesProperties(
        @DefaultValue("social") String defaultTeam,
        @DefaultValue("60m") Duration replyWithin,
        @DefaultValue("15") int complaintBusinessDays,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("1m") Duration alertEvery,
        @DefaultValue("true") boolean alertsEnabled,
        @DefaultValue("") String holidays,
        List<String> extraHolidays,
        List<String> extraWorkingDays,
        List<DayOfWeek> weekend) {

    public CasesProperties {
        require(
                defaultTeam != null && defaultTeam.matches("[a-z0-9_-]{1,64}"),
                "default-team must match [a-z0-9_-]{1,64}");
        require(
                replyWithin != null
                        && replyWithin.compareTo(Duration.ofMinutes(1)) >= 0
                        && replyWithin.compareTo(Duration.ofDays(30)) <= 0,
                "reply-within must be 1m..30d");
        require(complaintBusinessDays >= 1 && complaintBusinessDays <= 60, "complaint-business-days must be 1..60");
        require(zone != null, "zone must be a time zone id such as UTC or Europe/Paris");
        require(
                alertEvery != null
                        && alertEvery.compareTo(Duration.ofSeconds(5)) >= 0
                        && alertEvery.compareTo(Duration.ofHours(1)) <= 0,
                "alert-every must be 5s..1h");
        holidays = holidays == null ? "" : holidays.strip();
        extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
        extraWorkingDays = extraWorkingDays == null ? List.of() : List.copyOf(extraWorkingDays);
        weekend = weekend == null ? List.of() : List.copyOf(weekend);
        require(weekend.size() <= 3, "weekend has at most 3 days");
        require(
                extraHolidays.size() + extraWorkingDays.size() <= 1000,
                "extra-holidays and extra-working-days: at most 1000");
        try {
            calendar(holidays, dates(extraHolidays), dates(extraWorkingDays), weekend);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("socialbank.listening.cases.holidays: " + e.getMessage(), e);
        }
    }

    /** The business-day calendar these settings describe. */
    HolidayCalendar calendar() {
        return calendar(holidays, dates(extraHolidays), dates(extraWorkingDays), weekend);
    }

    /** ISO dates, e.g. {@code 2026-05-04}. */
    private static List<LocalDate> dates(List<String> isoDates) {
        return isoDates.stream().map(d -> LocalDate.parse(d.strip())).toList();
    }

    private static HolidayCalendar calendar(
            String country, List<LocalDate> holidays, List<LocalDate> working, List<DayOfWeek> weekend) {
        Set<DayOfWeek> days = weekend.isEmpty() ? Set.of() : EnumSet.copyOf(weekend);
        return country.isEmpty()
                ? HolidayCalendar.WEEKENDS.with(holidays, working, days)
                : HolidayCalendar.load(country, holidays, working, days);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("socialbank.listening.cases." + message);
        }
    }
}
