package org.socialbank.listening;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What the social-care team watches: spikes against the rolling baseline, and the dashboard. */
@Service
public class Listening {

    static final int TOP_TOPICS_MAX = 10;

    /** The most days {@link #dashboardsByDay} counts (a year, leap day included). */
    public static final int DAYS_MAX = 366;

    static final String TRUNCATED_COUNTER = "socialbank.listening.spike.scan.truncated";

    private static final Logger log = LoggerFactory.getLogger(Listening.class);

    private final MentionStore store;
    private final Clock clock;
    private final ListeningProperties properties;
    private final SpikeDetector detector;
    private final Counter truncated;

    Listening(MentionStore store, Clock clock, ListeningProperties properties, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.truncated = Counter.builder(TRUNCATED_COUNTER)
                .description("Spike scans that read scan-max mentions: counts are whole, explanations partial")
                .register(meters);
        this.detector = new SpikeDetector(
                properties.spikeWindow(),
                properties.baselineWindows(),
                properties.spikeSigma(),
                properties.spikeCountMin(),
                properties.hourOfWeek());
    }

    /**
     * Spikes of the window that ends now. The counts of every window come from the database, so
     * the scan limit never hides a spike; the texts that explain one are read the current window
     * first, then the baseline with what the limit leaves (review 2026-12-07 console follow-up: read
     * oldest first, a busy baseline used to fill the limit and cut off the current window itself).
     */
    public List<Spike> spikes() {
        Instant now = clock.instant();
        List<Instant[]> windows = detector.windows(now);
        Map<Topic, int[]> volume = new EnumMap<>(Topic.class);
        Map<Topic, int[]> negative = new EnumMap<>(Topic.class);
        for (int k = 0; k < windows.size(); k++) {
            int slot = k;
            store.counts(windows.get(k)[0], windows.get(k)[1]).forEach((topic, c) -> {
                volume.computeIfAbsent(topic, t -> new int[windows.size()])[slot] = c[0];
                negative.computeIfAbsent(topic, t -> new int[windows.size()])[slot] = c[1];
            });
        }
        List<Mention> texts = texts(windows);
        return detector.detect(new SpikeDetector.Counts(volume, negative), texts, now);
    }

    /** The mentions that explain spikes, at most {@code scan-max}: the current window first. */
    private List<Mention> texts(List<Instant[]> windows) {
        int max = properties.scanMax();
        List<Mention> read = new ArrayList<>(store.between(windows.get(0)[0], windows.get(0)[1], max));
        if (!properties.hourOfWeek() && read.size() < max) {
            // rolling: the baseline windows touch, one read from the oldest to the current one
            read.addAll(store.between(windows.get(windows.size() - 1)[0], windows.get(0)[0], max - read.size()));
        }
        // hour of week: the baseline windows are weeks apart, read each, not the weeks between them
        for (int k = 1; properties.hourOfWeek() && k < windows.size() && read.size() < max; k++) {
            read.addAll(store.between(windows.get(k)[0], windows.get(k)[1], max - read.size()));
        }
        if (read.size() >= max) {
            truncated.increment();
            log.warn(
                    "the spike scan read its limit of {} mentions (socialbank.listening.scan-max): spikes are "
                            + "counted in full, their rising words and examples from the newest window and part of "
                            + "the baseline",
                    max);
        }
        return read;
    }

    /**
     * Reputation over [from, to), counted by the database (one GROUP BY, at most a row per
     * language, source, topic and sentiment): no mention row is read, so no limit cuts the figures
     * (review 2026-12-07 listening follow-up: it read up to scan-max whole rows to count them).
     */
    public Dashboard dashboard(Instant from, Instant to) {
        return dashboard(from, to, store.groups(from, to), TOP_TOPICS_MAX);
    }

    /**
     * Reputation per UTC day of [from, to), oldest first: every day the span touches, each
     * counted over its part of the span (a day without mentions has zero figures). One GROUP BY
     * whatever the number of days (review 2026-12-07 listening follow-up: the console dashboard
     * ran one count per day, 31 for a month); at most {@link #DAYS_MAX} days.
     */
    public SortedMap<LocalDate, Dashboard> dashboardsByDay(Instant from, Instant to) {
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        if (!from.isBefore(to) || ChronoUnit.DAYS.between(first, last) >= DAYS_MAX) {
            throw new IllegalArgumentException("from must be before to, at most " + DAYS_MAX + " days apart");
        }
        Map<LocalDate, List<MentionStore.Group>> groups = store.groupsByDay(from, to);
        SortedMap<LocalDate, Dashboard> days = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            days.put(
                    d,
                    dashboard(
                            start.isBefore(from) ? from : start,
                            end.isAfter(to) ? to : end,
                            groups.getOrDefault(d, List.of()),
                            TOP_TOPICS_MAX));
        }
        return days;
    }

    /**
     * The figures of these groups; the {@code topTopicsMax} largest topics, and {@code truncated}
     * when more topics had mentions than that (nothing else is cut: the languages and sources are
     * few, and the span is counted whole).
     */
    static Dashboard dashboard(Instant from, Instant to, List<MentionStore.Group> groups, int topTopicsMax) {
        List<Dashboard.Slice> allTopics = slices(groups, g -> g.topic().wireName());
        List<Dashboard.Slice> topics = allTopics.stream()
                .sorted(Comparator.comparingInt(Dashboard.Slice::total)
                        .reversed()
                        .thenComparing(Dashboard.Slice::key))
                .limit(topTopicsMax)
                .toList();
        return new Dashboard(
                from,
                to,
                slices(groups, g -> "all").stream().findFirst().orElse(Dashboard.Slice.of("all", 0, 0, 0)),
                slices(groups, MentionStore.Group::language),
                slices(groups, MentionStore.Group::source),
                topics,
                topics.size() < allTopics.size());
    }

    /**
     * The mentions of [from, to) for the CSV export, oldest first: all of them, or {@link
     * MentionExport.TooLarge} when the span holds more than {@code scan-max} (counted first, and
     * checked again on the read, for mentions that arrived in between).
     */
    public MentionExport export(Instant from, Instant to) {
        int max = properties.scanMax();
        long count = store.count(from, to);
        if (count > max) {
            return new MentionExport.TooLarge(count, max);
        }
        List<Mention> mentions = store.between(from, to, max + 1);
        return mentions.size() > max
                ? new MentionExport.TooLarge(store.count(from, to), max)
                : new MentionExport.Rows(mentions);
    }

    /**
     * The newest mentions of [from, to), newest first, at most {@code scan-max}: one bounded read
     * for what needs the rows themselves (the dashboard's top authors).
     */
    public List<Mention> newest(Instant from, Instant to) {
        return store.newest(from, to, properties.scanMax());
    }

    /** The most mentions one read gives ({@code socialbank.listening.scan-max}). */
    public int scanMax() {
        return properties.scanMax();
    }

    static List<Dashboard.Slice> slices(List<MentionStore.Group> groups, Function<MentionStore.Group, String> key) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (MentionStore.Group g : groups) {
            int[] c = counts.computeIfAbsent(key.apply(g), k -> new int[3]);
            c[0] += g.count();
            c[1] += g.sentiment() == Sentiment.NEGATIVE ? g.count() : 0;
            c[2] += g.sentiment() == Sentiment.POSITIVE ? g.count() : 0;
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Dashboard.Slice.of(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }
}
