package org.socialbank.listening;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** What the social-care team watches: spikes against the rolling baseline, and the dashboard. */
@Service
public class Listening {

    static final int TOP_TOPICS_MAX = 10;

    private final MentionStore store;
    private final Clock clock;
    private final ListeningProperties properties;
    private final SpikeDetector detector;

    Listening(MentionStore store, Clock clock, ListeningProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.detector = new SpikeDetector(
                properties.spikeWindow(),
                properties.baselineWindows(),
                properties.spikeSigma(),
                properties.spikeCountMin(),
                properties.hourOfWeek());
    }

    /** Spikes of the window that ends now. */
    public List<Spike> spikes() {
        Instant now = clock.instant();
        if (!properties.hourOfWeek()) {
            return detector.detect(store.between(detector.scanStart(now), now, properties.scanMax()), now);
        }
        // the baseline windows are weeks apart: read each, not the weeks between them
        List<Mention> read = new java.util.ArrayList<>();
        for (Instant[] w : detector.windows(now)) {
            read.addAll(store.between(w[0], w[1], Math.max(1, properties.scanMax() - read.size())));
        }
        return detector.detect(read, now);
    }

    public Dashboard dashboard(Instant from, Instant to) {
        List<Mention> mentions = store.between(from, to, properties.scanMax());
        List<Dashboard.Slice> topics = slices(mentions, m -> m.topic().wireName()).stream()
                .sorted(Comparator.comparingInt(Dashboard.Slice::total)
                        .reversed()
                        .thenComparing(Dashboard.Slice::key))
                .limit(TOP_TOPICS_MAX)
                .toList();
        return new Dashboard(
                from,
                to,
                slices(mentions, m -> "all").stream().findFirst().orElse(Dashboard.Slice.of("all", 0, 0, 0)),
                slices(mentions, Mention::language),
                slices(mentions, Mention::source),
                topics,
                mentions.size() >= properties.scanMax());
    }

    /** Mentions written in [from, to), oldest first, at most the scan limit (for the CSV export). */
    public List<Mention> export(Instant from, Instant to) {
        return store.between(from, to, properties.scanMax());
    }

    static List<Dashboard.Slice> slices(List<Mention> mentions, Function<Mention, String> key) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Mention m : mentions) {
            int[] c = counts.computeIfAbsent(key.apply(m), k -> new int[3]);
            c[0]++;
            c[1] += m.sentiment() == Sentiment.NEGATIVE ? 1 : 0;
            c[2] += m.sentiment() == Sentiment.POSITIVE ? 1 : 0;
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Dashboard.Slice.of(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }
}
