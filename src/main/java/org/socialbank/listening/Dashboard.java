package org.socialbank.listening;

import java.time.Instant;
import java.util.List;

/**
 * Reputation over [from, to): the share of negative mentions and the net sentiment
 * ((positive - negative) / all) overall, per language and per source, and the top topics.
 *
 * @param topTopics the largest topics, at most ten
 * @param truncated whether {@code topTopics} left out topics that had mentions in the span; the
 *     other figures are counted by the database over every mention of the span and never cut
 *     (review 2026-12-07 listening follow-up: it was always false, kept for the API's shape)
 */
public record Dashboard(
        Instant from,
        Instant to,
        Slice overall,
        List<Slice> byLanguage,
        List<Slice> bySource,
        List<Slice> topTopics,
        boolean truncated) {

    /** The figures of one group of mentions. */
    public record Slice(String key, int total, int negative, int positive, double shareNegative, double netSentiment) {

        public static Slice of(String key, int total, int negative, int positive) {
            return new Slice(
                    key,
                    total,
                    negative,
                    positive,
                    total == 0 ? 0 : Math.round(1000.0 * negative / total) / 1000.0,
                    total == 0 ? 0 : Math.round(1000.0 * (positive - negative) / total) / 1000.0);
        }
    }
}
