package org.socialbank.listening.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.listening.MentionId;
import org.socialbank.listening.Spike;
import org.socialbank.listening.Topic;

/**
 * A spike raised as an alert, once: what rose (topic, kind, count against the baseline), how
 * badly (severity 1..10), why (the rising words, example mentions), and who acknowledged it.
 */
public record SpikeAlert(
        UUID id,
        Topic topic,
        Spike.Kind kind,
        Instant windowStart,
        Instant windowEnd,
        int count,
        double baselineMean,
        int severity,
        List<String> words,
        List<Example> examples,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    public record Example(MentionId mentionId, String source, String text) {}

    public boolean open() {
        return acknowledgedAt == null;
    }
}
