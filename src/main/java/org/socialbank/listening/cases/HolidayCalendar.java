package org.socialbank.listening.cases;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days a country's banks work, pure once loaded: a weekend, public holidays computed from
 * rules for any year (Gregorian dates, Easter, the n-th weekday of a month, Solar Hijri, lunar
 * Hijri and Chinese lunar dates through ICU4J, the Qingming solar term), holidays announced for a
 * year (bridges, transfers) and working weekend days (China's make-up days). The rules ship in
 * {@code listening/holidays/<country>.txt}; nothing is downloaded.
 *
 * <p>A line is {@code kind arguments [name]}; {@code #} starts a comment. Kinds: {@code weekend
 * DAY...}; {@code gregorian MM-DD}, {@code easter N}, {@code nth MM DAY N} (N = -1: the last),
 * {@code persian MM-DD}, {@code islamic MM-DD}, {@code chinese MM-DD}, {@code qingming}, each with
 * an optional day offset ({@code +1}, {@code -1}) after its date and an optional {@code observed}
 * (on a weekend, the next working day is off instead, as UK substitute days and Russian
 * transfers); {@code date YYYY-MM-DD} (a holiday that year), {@code work YYYY-MM-DD} (a working
 * day that year); {@code islamic-calculation civil|umalqura|astronomical} and
 * {@code islamic-offset N} (the country's lunar calendar against ICU's); {@code chinese-month-start
 * ICU-DATE TRUE-DATE}: a Chinese lunar month that ICU starts on the first date starts on the second
 * (ICU computes new moons to within minutes, so a new moon just before midnight in Beijing can
 * land on the next day: ICU starts the 2027 New Year on 7 February, the Purple Mountain
 * Observatory's calendar on 6 February); every holiday of that month moves with it.
 */
final class HolidayCalendar {

    /** Saturday and Sunday off, no holidays: the calendar when none is configured. */
    static final HolidayCalendar WEEKENDS = new HolidayCalendar(
            "none",
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            List.of(),
            Set.of(),
            Set.of(),
            "islamic-civil",
            0,
            Map.of());

    private static final int YEARS_CACHED_MAX = 200;

    private final String country;
    private final Set<DayOfWeek> weekend;
    private final List<Rule> rules;
    private final Set<LocalDate> announcedHolidays;
    private final Set<LocalDate> workingDays;
    /** ICU's calendar keyword for the lunar Hijri calendar: islamic-civil, islamic-umalqura, islamic. */
    private final String islamic;

    private final int islamicOffset;
    /** ICU's start of a Chinese lunar month -> its true start, where they differ. */
    private final Map<LocalDate, LocalDate> chineseMonthStarts;

    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private HolidayCalendar(
            String country,
            Set<DayOfWeek> weekend,
            List<Rule> rules,
            Set<LocalDate> announcedHolidays,
            Set<LocalDate> workingDays,
            String islamic,
            int islamicOffset,
            Map<LocalDate, LocalDate> chineseMonthStarts) {
        this.country = country;
        this.weekend = Set.copyOf(weekend);
        this.rules = List.copyOf(rules);
        this.announcedHolidays = Set.copyOf(announcedHolidays);
        this.workingDays = Set.copyOf(workingDays);
        this.islamic = islamic;
        this.islamicOffset = islamicOffset;
        this.chineseMonthStarts = Map.copyOf(chineseMonthStarts);
    }

    /** One rule of the file: a kind, its arguments, a day offset, whether a weekend date moves. */
    /** One date rule; {@code line} is where it was read ("line 3: gregorian 05-01"), for the errors. */
    private record Rule(String kind, List<String> args, int offset, boolean observed, String line) {}

    String country() {
        return country;
    }

    Set<DayOfWeek> weekend() {
        return weekend;
    }

    boolean isBusinessDay(LocalDate day) {
        if (workingDays.contains(day)) {
            return true;
        }
        return !weekend.contains(day.getDayOfWeek())
                && !announcedHolidays.contains(day)
                && !holidays(day.getYear()).contains(day);
    }

    /** The holidays the rules give in a Gregorian year (not the announced ones), sorted. */
    Set<LocalDate> holidays(int year) {
        if (byYear.size() > YEARS_CACHED_MAX) {
            byYear.clear();
        }
        return byYear.computeIfAbsent(year, this::compute);
    }

    /**
     * The calendar of a shipped country file, with extra holidays and working days of the
     * configuration on top, and its weekend replaced when one is given.
     *
     * @throws IllegalArgumentException when no file exists for the country or a line is malformed
     */
    static HolidayCalendar load(
            String country,
            Collection<LocalDate> extraHolidays,
            Collection<LocalDate> extraWorkingDays,
            Set<DayOfWeek> weekend) {
        String cc = country.strip().toLowerCase(Locale.ROOT);
        if (!cc.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("a holiday calendar is a two-letter country code: " + country);
        }
        String path = "listening/holidays/" + cc + ".txt";
        try (InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no holiday calendar shipped for " + country + " (" + path + ")");
            }
            HolidayCalendar parsed = parse(
                    cc.toUpperCase(Locale.ROOT),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList());
            return parsed.with(extraHolidays, extraWorkingDays, weekend);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This calendar plus holidays and working days, with another weekend when one is given. */
    HolidayCalendar with(Collection<LocalDate> holidays, Collection<LocalDate> working, Set<DayOfWeek> otherWeekend) {
        Set<LocalDate> h = new TreeSet<>(announcedHolidays);
        h.addAll(holidays);
        Set<LocalDate> w = new TreeSet<>(workingDays);
        w.addAll(working);
        return new HolidayCalendar(
                country,
                otherWeekend == null || otherWeekend.isEmpty() ? weekend : otherWeekend,
                rules,
                h,
                w,
                islamic,
                islamicOffset,
                chineseMonthStarts);
    }

    static HolidayCalendar parse(String country, List<String> lines) {
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        List<Rule> rules = new ArrayList<>();
        Set<LocalDate> announced = new TreeSet<>();
        Set<LocalDate> working = new TreeSet<>();
        String islamic = "islamic-civil";
        int islamicOffset = 0;
        Map<LocalDate, LocalDate> monthStarts = new HashMap<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            List<String> words = Arrays.stream(line.strip().split("\\s+"))
                    .filter(w -> !w.isEmpty())
                    .toList();
            if (words.isEmpty()) {
                continue;
            }
            try {
                switch (words.get(0)) {
                    case "weekend" -> weekend = days(words.subList(1, words.size()));
                    case "date" -> announced.add(LocalDate.parse(words.get(1)));
                    case "work" -> working.add(LocalDate.parse(words.get(1)));
                    case "islamic-calculation" -> islamic = calculation(words.get(1));
                    case "islamic-offset" -> islamicOffset = Integer.parseInt(words.get(1));
                    case "chinese-month-start" -> monthStarts.put(LocalDate.parse(words.get(1)), monthStart(words));
                    case "gregorian", "persian", "islamic", "chinese" -> rules.add(rule(words, 2, number, raw));
                    case "easter" -> rules.add(rule(words, 2, number, raw));
                    case "nth" -> rules.add(rule(words, 4, number, raw));
                    case "qingming" -> rules.add(rule(words, 1, number, raw));
                    default -> throw new IllegalArgumentException("unknown kind " + words.get(0));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "holiday calendar " + country + " line " + number + ": " + raw.strip() + " (" + e.getMessage()
                                + ")",
                        e);
            }
        }
        HolidayCalendar calendar =
                new HolidayCalendar(country, weekend, rules, announced, working, islamic, islamicOffset, monthStarts);
        calendar.holidays(LocalDate.now().getYear()); // a malformed date rule fails at start-up, not on a deadline
        return calendar;
    }

    /** The kind and its {@code fixed} arguments, then an optional offset and {@code observed}; the rest is a name. */
    private static Rule rule(List<String> words, int fixed, int number, String raw) {
        if (words.size() < fixed) {
            throw new IllegalArgumentException("too few arguments");
        }
        int i = fixed;
        int offset = 0;
        if (i < words.size() && words.get(i).matches("[+-][0-9]{1,2}")) {
            offset = Integer.parseInt(words.get(i));
            i++;
        }
        boolean observed = i < words.size() && words.get(i).equals("observed");
        return new Rule(
                words.get(0),
                List.copyOf(words.subList(1, fixed)),
                offset,
                observed,
                "line " + number + ": " + raw.strip());
    }

    /** The true start of a month ICU starts a day or two off; anything further is a typing error. */
    private static LocalDate monthStart(List<String> words) {
        LocalDate icu = LocalDate.parse(words.get(1));
        LocalDate real = LocalDate.parse(words.get(2));
        if (Math.abs(real.toEpochDay() - icu.toEpochDay()) > 2) {
            throw new IllegalArgumentException("a month start moves by at most two days");
        }
        return real;
    }

    private static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        names.forEach(n -> days.add(DayOfWeek.valueOf(n.toUpperCase(Locale.ROOT))));
        return days;
    }

    private static String calculation(String name) {
        return switch (name) {
            case "civil" -> "islamic-civil";
            case "umalqura" -> "islamic-umalqura";
            case "astronomical" -> "islamic";
            default -> throw new IllegalArgumentException("islamic-calculation is civil, umalqura or astronomical");
        };
    }

    private Set<LocalDate> compute(int year) {
        Set<LocalDate> days = new TreeSet<>();
        List<LocalDate> moved = new ArrayList<>();
        for (Rule rule : rules) {
            List<LocalDate> dates;
            try {
                dates = dates(rule, year);
            } catch (RuntimeException e) {
                // a rule read well but naming no real date (month 13): the error names its line
                throw new IllegalArgumentException(
                        "holiday calendar " + country + " " + rule.line() + " (" + e.getMessage() + ")", e);
            }
            for (LocalDate d : dates) {
                LocalDate day = d.plusDays(rule.offset());
                if (day.getYear() != year) {
                    continue;
                }
                days.add(day);
                if (rule.observed() && weekend.contains(day.getDayOfWeek())) {
                    moved.add(day);
                }
            }
        }
        for (LocalDate day : moved.stream().sorted().toList()) {
            LocalDate substitute = day.plusDays(1);
            while (weekend.contains(substitute.getDayOfWeek()) || days.contains(substitute)) {
                substitute = substitute.plusDays(1);
            }
            days.add(substitute);
        }
        return Set.copyOf(days);
    }

    /** The dates (before the offset) a rule gives that may fall in the Gregorian year. */
    private List<LocalDate> dates(Rule rule, int year) {
        List<String> a = rule.args();
        return switch (rule.kind()) {
            case "gregorian" -> List.of(LocalDate.parse(year + "-" + a.get(0)));
            case "easter" -> List.of(easter(year).plusDays(Integer.parseInt(a.get(0))));
            case "nth" ->
                List.of(nth(year, Integer.parseInt(a.get(0)), DayOfWeek.valueOf(a.get(1)), Integer.parseInt(a.get(2))));
            case "qingming" -> List.of(qingming(year));
            case "persian" -> persian(year, a.get(0));
            case "islamic" -> islamic(year, a.get(0));
            case "chinese" -> chinese(year, a.get(0));
            default -> throw new IllegalStateException(rule.kind());
        };
    }

    /** Western Easter Sunday (the Gregorian computus, "Anonymous" algorithm). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static LocalDate nth(int year, int month, DayOfWeek day, int n) {
        LocalDate first = LocalDate.of(year, month, 1);
        return n < 0
                ? first.with(TemporalAdjusters.lastInMonth(day))
                : first.with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /**
     * The Qingming solar term (4 or 5 April in this century), by the usual formula for 2000-2099:
     * day = floor(y x 0.2422 + 4.81) - floor(y / 4), y the year within the century.
     */
    static LocalDate qingming(int year) {
        int y = year % 100;
        return LocalDate.of(year, 4, (int) Math.floor(y * 0.2422 + 4.81) - y / 4);
    }

    private static List<LocalDate> persian(int year, String monthDay) {
        List<LocalDate> out = new ArrayList<>();
        for (int persianYear = year - 622; persianYear <= year - 621; persianYear++) {
            Calendar cal = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=persian"));
            cal.clear();
            cal.set(persianYear, month(monthDay) - 1, day(monthDay));
            out.add(gregorian(cal));
        }
        return out;
    }

    private List<LocalDate> islamic(int year, String monthDay) {
        List<LocalDate> out = new ArrayList<>();
        int approximate = (int) Math.round((year - 622) * 33.0 / 32.0);
        for (int hijri = approximate - 1; hijri <= approximate + 2; hijri++) {
            Calendar cal = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=" + islamic));
            cal.clear();
            cal.set(hijri, month(monthDay) - 1, day(monthDay));
            out.add(gregorian(cal).plusDays(islamicOffset));
        }
        return out;
    }

    private List<LocalDate> chinese(int year, String monthDay) {
        List<LocalDate> out = new ArrayList<>();
        // ICU's Chinese extended year is the Gregorian year its first month begins in
        for (int extended = year - 1; extended <= year; extended++) {
            Calendar cal = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=chinese"));
            cal.clear();
            cal.set(Calendar.EXTENDED_YEAR, extended);
            cal.set(Calendar.MONTH, month(monthDay) - 1);
            cal.set(ChineseCalendar.IS_LEAP_MONTH, 0);
            cal.set(Calendar.DAY_OF_MONTH, 1);
            LocalDate start = gregorian(cal);
            out.add(chineseMonthStarts.getOrDefault(start, start).plusDays(day(monthDay) - 1L));
        }
        return out;
    }

    private static LocalDate gregorian(Calendar cal) {
        return LocalDate.ofEpochDay(Math.floorDiv(cal.getTimeInMillis(), 86_400_000L));
    }

    private static int month(String monthDay) {
        return Integer.parseInt(monthDay.substring(0, 2));
    }

    private static int day(String monthDay) {
        if (!monthDay.matches("[0-9]{2}-[0-9]{2}")) {
            throw new IllegalArgumentException("a date is MM-DD: " + monthDay);
        }
        return Integer.parseInt(monthDay.substring(3, 5));
    }
}
