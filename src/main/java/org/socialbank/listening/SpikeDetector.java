package org.socialbank.listening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialbank.listening.classify.Texts;

/**
 * Spike math, pure: the window [now - w, now) against the {@code baselineWindows} windows before
 * it, per topic. A count is a spike when it reaches {@code countMin} and exceeds the baseline
 * mean by {@code sigma} deviations, the deviation being at least sqrt(mean) (Poisson) and at
 * least 1, so that a quiet topic's first few mentions do not alarm. With an hour-of-week
 * baseline the baseline windows are the same window one, two, ... weeks earlier (Monday 9:00 is
 * compared with earlier Mondays at 9:00, not with the night before).
 */
final class SpikeDetector {

    static final int WORDS_MAX = 8;
    static final int EXAMPLES_MAX = 3;
    /** A word explains a spike when it is at least this many times as frequent as in a baseline window. */
    static final double LIFT_MIN = 2;

    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "you", "your", "this", "that", "with", "was", "are", "les", "des", "est", "pas", "une",
            "pour", "que", "qui", "avec", "sur", "mon", "mes", "это", "что", "как", "мой", "моя", "все", "уже", "для",
            "при", "که", "این", "از", "به", "را", "با", "من");

    static final Duration WEEK = Duration.ofDays(7);

    private final Duration window;
    private final int baselineWindows;
    private final double sigma;
    private final int countMin;
    /** Where baseline window k starts before the current one: k windows (rolling) or k weeks (hour of week). */
    private final Duration step;

    SpikeDetector(Duration window, int baselineWindows, double sigma, int countMin) {
        this(window, baselineWindows, sigma, countMin, false);
    }

    SpikeDetector(Duration window, int baselineWindows, double sigma, int countMin, boolean hourOfWeek) {
        this.window = window;
        this.baselineWindows = baselineWindows;
        this.sigma = sigma;
        this.countMin = countMin;
        this.step = hourOfWeek ? WEEK : window;
    }

    /** The windows to read, the current one first: [start, end) each. */
    List<Instant[]> windows(Instant now) {
        List<Instant[]> windows = new ArrayList<>(baselineWindows + 1);
        for (int k = 0; k <= baselineWindows; k++) {
            Instant end = now.minus(step.multipliedBy(k));
            windows.add(new Instant[] {end.minus(window), end});
        }
        return windows;
    }

    /** Where the scan starts: the first baseline window. */
    Instant scanStart(Instant now) {
        return now.minus(step.multipliedBy(baselineWindows)).minus(window);
    }

    /**
     * How many mentions of each topic each window holds ({@code volume}) and how many negative
     * ones, per slot: 0 the current window, 1..baselineWindows the earlier ones.
     */
    record Counts(Map<Topic, int[]> volume, Map<Topic, int[]> negative) {

        Counts {
            volume = new EnumMap<>(volume);
            negative = new EnumMap<>(negative);
        }
    }

    /** The counts per window of the mentions given. */
    Counts count(List<Mention> mentions, Instant now) {
        Map<Topic, int[]> volume = new EnumMap<>(Topic.class);
        Map<Topic, int[]> negative = new EnumMap<>(Topic.class);
        for (Mention m : mentions) {
            int slot = slot(m.createdAt(), now);
            if (slot < 0) {
                continue;
            }
            volume.computeIfAbsent(m.topic(), t -> new int[baselineWindows + 1])[slot]++;
            if (m.sentiment() == Sentiment.NEGATIVE) {
                negative.computeIfAbsent(m.topic(), t -> new int[baselineWindows + 1])[slot]++;
            }
        }
        return new Counts(volume, negative);
    }

    /** Spikes when every mention of the scan is in {@code mentions}. */
    List<Spike> detect(List<Mention> mentions, Instant now) {
        return detect(count(mentions, now), mentions, now);
    }

    /**
     * Spikes by the counts given (the database's, whatever the scan's row limit); {@code mentions}
     * (those of the current window first, then what the limit left of the baseline) only explain
     * them: rising words and examples.
     */
    List<Spike> detect(Counts counts, List<Mention> mentions, Instant now) {
        Instant start = now.minus(window);
        Map<Topic, int[]> volume = counts.volume();
        Map<Topic, int[]> negative = counts.negative();
        List<Spike> spikes = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            test(topic, Spike.Kind.VOLUME, volume.get(topic), mentions, start, now, spikes);
            test(topic, Spike.Kind.NEGATIVITY, negative.get(topic), mentions, start, now, spikes);
        }
        spikes.sort(Comparator.comparingInt(Spike::severity).reversed().thenComparing(Spike::topic));
        return spikes;
    }

    /** 0 for the current window, 1..baselineWindows for earlier ones, -1 outside. */
    int slot(Instant at, Instant now) {
        if (!at.isBefore(now) || at.isBefore(scanStart(now))) {
            return -1;
        }
        long back = Duration.between(at, now).toNanos() - 1;
        if (step.equals(window)) {
            return (int) Math.min(baselineWindows, back / window.toNanos());
        }
        long k = back / step.toNanos();
        long within = back - k * step.toNanos();
        return within < window.toNanos() && k <= baselineWindows ? (int) k : -1;
    }

    private void test(
            Topic topic,
            Spike.Kind kind,
            int[] counts,
            List<Mention> mentions,
            Instant start,
            Instant now,
            List<Spike> spikes) {
        if (counts == null || counts[0] < countMin) {
            return;
        }
        double mean = 0;
        for (int i = 1; i <= baselineWindows; i++) {
            mean += counts[i];
        }
        mean /= baselineWindows;
        double variance = 0;
        for (int i = 1; i <= baselineWindows; i++) {
            variance += (counts[i] - mean) * (counts[i] - mean);
        }
        double deviation = Math.max(1, Math.max(Math.sqrt(variance / baselineWindows), Math.sqrt(mean)));
        double z = (counts[0] - mean) / deviation;
        if (z < sigma) {
            return;
        }
        List<Mention> current = mentions.stream()
                .filter(m -> m.topic() == topic && slot(m.createdAt(), now) == 0)
                .filter(m -> kind == Spike.Kind.VOLUME || m.sentiment() == Sentiment.NEGATIVE)
                .toList();
        List<Mention> before = mentions.stream()
                .filter(m -> m.topic() == topic && slot(m.createdAt(), now) > 0)
                .toList();
        int severity = (int) Math.max(1, Math.min(10, Math.round(z * 3 / sigma) - 2));
        spikes.add(new Spike(
                topic,
                kind,
                start,
                now,
                counts[0],
                Math.round(mean * 100) / 100.0,
                severity,
                risingWords(current, before),
                examples(current)));
    }

    /** Words frequent now and rare before: count now times log of the lift over the baseline rate. */
    List<String> risingWords(List<Mention> current, List<Mention> before) {
        Map<String, Integer> now = counts(current);
        Map<String, Integer> then = counts(before);
        Map<String, Double> lift = new HashMap<>();
        now.forEach((word, count) ->
                lift.put(word, (count + 1.0) / (then.getOrDefault(word, 0) / (double) baselineWindows + 1.0)));
        return now.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && lift.get(e.getKey()) >= LIFT_MIN)
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingDouble(
                                e -> -e.getValue() * Math.log(lift.get(e.getKey())))
                        .thenComparing(Map.Entry::getKey))
                .limit(WORDS_MAX)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, Integer> counts(List<Mention> mentions) {
        Map<String, Integer> counts = new HashMap<>();
        for (Mention m : mentions) {
            words(m.text()).stream().distinct().forEach(w -> counts.merge(w, 1, Integer::sum));
        }
        return counts;
    }

    /** Words (and numbers: error codes) of three characters or more, and Chinese character bigrams. */
    static List<String> words(String text) {
        List<String> tokens = Texts.tokens(Texts.normalize(text));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.codePointCount(0, t.length()) == 1
                    && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN) {
                if (i + 1 < tokens.size()
                        && Character.UnicodeScript.of(tokens.get(i + 1).codePointAt(0))
                                == Character.UnicodeScript.HAN) {
                    words.add(t + tokens.get(i + 1));
                }
            } else if (t.length() >= 3 && !STOPWORDS.contains(t)) {
                words.add(t);
            }
        }
        return words;
    }

    private static List<Spike.Example> examples(List<Mention> current) {
        return current.stream()
                .sorted(Comparator.comparingDouble(Mention::score).thenComparing(Mention::createdAt))
                .limit(EXAMPLES_MAX)
                .map(m -> new Spike.Example(m.id(), m.source(), m.text(), m.sentiment()))
                .toList();
    }
}
