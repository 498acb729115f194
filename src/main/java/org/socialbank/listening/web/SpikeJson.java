package org.socialbank.listening.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.socialbank.listening.Spike;

/** A spike as the API shows it. */
record SpikeJson(
        String topic,
        String kind,
        Instant windowStart,
        Instant windowEnd,
        int count,
        double baselineMean,
        int severity,
        List<String> words,
        List<ExampleJson> examples) {

    record ExampleJson(String id, String source, String text, String sentiment) {}

    static SpikeJson of(Spike s) {
        return new SpikeJson(
                s.topic().wireName(),
                s.kind().name().toLowerCase(Locale.ROOT),
                s.windowStart(),
                s.windowEnd(),
                s.count(),
                s.baselineMean(),
                s.severity(),
                s.words(),
                s.examples().stream()
                        .map(e -> new ExampleJson(
                                e.id().toString(),
                                e.source(),
                                e.text(),
                                e.sentiment().wireName()))
                        .toList());
    }
}
