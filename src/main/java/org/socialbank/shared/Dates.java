package org.socialbank.shared;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Dates and times as a customer reads them, in her zone (issue 13, UX walk-through P12/P13):
 * Persian in the Solar Hijri calendar with Persian digits ({@code ۱۰ آذر ۱۴۰۵}), Chinese as
 * {@code 2026年12月1日}, the others in their CLDR medium style; never "UTC" on a customer's page.
 * The zone is the one the caller passes: the customer's alert settings' zone for alerts and
 * digests (issue 17), else her language's default ({@link #zoneOf(Locale)}); the chat itself has
 * no zone setting yet.
 */
public final class Dates {

    /** Where a customer who writes each language most likely lives; English defaults to London. */
    static final Map<String, ZoneId> ZONES = Map.of(
            "en", ZoneId.of("Europe/London"),
            "fr", ZoneId.of("Europe/Paris"),
            "ru", ZoneId.of("Europe/Moscow"),
            "fa", ZoneId.of("Asia/Tehran"),
            "zh", ZoneId.of("Asia/Shanghai"));

    private Dates() {}

    /** The zone a customer who reads {@code locale} sees times in. */
    public static ZoneId zoneOf(Locale locale) {
        return ZONES.getOrDefault(locale.getLanguage(), ZoneId.of("Europe/London"));
    }

    /** The day of {@code at} in the reader's zone: "Dec 1, 2026", "1 déc. 2026", "۱۰ آذر ۱۴۰۵", "2026年12月1日". */
    public static String date(Instant at, Locale locale) {
        return format(DateFormat.getDateInstance(dateStyle(locale), uLocale(locale)), at, locale);
    }

    /** The day and time of {@code at} in the reader's zone, with the zone named. */
    public static String dateTime(Instant at, Locale locale) {
        return dateTime(at, locale, zoneOf(locale));
    }

    /** The day and time of {@code at} in {@code zone} (a customer's own setting), with the zone named. */
    public static String dateTime(Instant at, Locale locale, ZoneId zone) {
        DateFormat format = DateFormat.getDateTimeInstance(dateStyle(locale), DateFormat.SHORT, uLocale(locale));
        TimeZone timeZone = TimeZone.getTimeZone(zone.getId());
        format.setTimeZone(timeZone);
        return format.format(Date.from(at)) + " ("
                + timeZone.getDisplayName(false, TimeZone.GENERIC_LOCATION, uLocale(locale)) + ")";
    }

    /**
     * When the month of {@code at} began in the reader's calendar and zone (issue 13: "spending this
     * month"): the 1st at midnight, in Persian the 1st of the Solar Hijri month (1 Azar is 22 November).
     */
    public static Instant monthStart(Instant at, Locale locale) {
        return monthStart(at, locale, zoneOf(locale));
    }

    /** The same in {@code zone} (a customer's own setting). */
    public static Instant monthStart(Instant at, Locale locale, ZoneId zone) {
        com.ibm.icu.util.Calendar calendar =
                com.ibm.icu.util.Calendar.getInstance(TimeZone.getTimeZone(zone.getId()), uLocale(locale));
        calendar.setTime(Date.from(at));
        calendar.set(com.ibm.icu.util.Calendar.DAY_OF_MONTH, 1);
        calendar.set(com.ibm.icu.util.Calendar.HOUR_OF_DAY, 0);
        calendar.set(com.ibm.icu.util.Calendar.MINUTE, 0);
        calendar.set(com.ibm.icu.util.Calendar.SECOND, 0);
        calendar.set(com.ibm.icu.util.Calendar.MILLISECOND, 0);
        return calendar.getTime().toInstant();
    }

    /** The time of day of {@code at} in the reader's zone, e.g. "21:30". */
    public static String time(Instant at, Locale locale) {
        return time(at, locale, zoneOf(locale));
    }

    /** The day of {@code at} in {@code zone} (a customer's own setting, see {@link CustomerTime}). */
    public static String date(Instant at, Locale locale, ZoneId zone) {
        return format(DateFormat.getDateInstance(dateStyle(locale), uLocale(locale)), at, zone);
    }

    /** The time of day of {@code at} in {@code zone} (a customer's own setting). */
    public static String time(Instant at, Locale locale, ZoneId zone) {
        return format(DateFormat.getTimeInstance(DateFormat.SHORT, uLocale(locale)), at, zone);
    }

    private static String format(DateFormat format, Instant at, Locale locale) {
        return format(format, at, zoneOf(locale));
    }

    private static String format(DateFormat format, Instant at, ZoneId zone) {
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format.format(Date.from(at));
    }

    private static int dateStyle(Locale locale) {
        String language = locale.getLanguage();
        return "fa".equals(language) || "zh".equals(language) ? DateFormat.LONG : DateFormat.MEDIUM;
    }

    private static ULocale uLocale(Locale locale) {
        return "fa".equals(locale.getLanguage()) ? new ULocale("fa_IR@calendar=persian") : ULocale.forLocale(locale);
    }
}
