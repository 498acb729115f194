package org.socialbank.listening;

import java.time.Instant;
import java.util.List;

/**
 * A topic whose mentions (VOLUME) or negative mentions (NEGATIVITY) in the recent window stand
 * above its rolling baseline, explained by the words that rose and example mentions.
 *
 * @param count mentions (or negative mentions) of the topic in the window
 * @param baselineMean the mean count of the baseline windows
 * @param severity 1 to 10, from how many standard deviations the count stands above the mean
 * @param words the words of the window's mentions that rose most against the baseline
 * @param examples up to three of the window's mentions, most negative first
 */
public record Spike(
        Topic topic,
        Kind kind,
        Instant windowStart,
        Instant windowEnd,
        int count,
        double baselineMean,
        int severity,
        List<String> words,
        List<Example> examples) {

    public enum Kind {
        VOLUME,
        NEGATIVITY
    }

    public record Example(MentionId id, String source, String text, Sentiment sentiment) {}
}
