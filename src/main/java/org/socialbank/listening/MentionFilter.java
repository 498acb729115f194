package org.socialbank.listening;

import java.time.Instant;
import java.util.Objects;

/**
 * Which mentions a listing wants: written in [from, to), optionally of one source, language,
 * sentiment or topic; newest first, at most {@code limit}.
 */
public record MentionFilter(
        Instant from, Instant to, String source, String language, Sentiment sentiment, Topic topic, int limit) {

    public static final int LIMIT_MAX = 500;

    public MentionFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1 to " + LIMIT_MAX);
        }
    }
}
