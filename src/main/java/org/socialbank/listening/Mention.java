package org.socialbank.listening;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;

/**
 * A stored mention and what the bank understood of it.
 *
 * @param customerId the linked customer who wrote it, when the author's handle is linked
 * @param corrected whether staff corrected it (or the same text before it)
 * @param reach the author's followers (or a group's members) when the source said, else null
 */
public record Mention(
        MentionId id,
        String source,
        String sourceId,
        String text,
        String author,
        CustomerId customerId,
        String language,
        Sentiment sentiment,
        double score,
        Topic topic,
        boolean corrected,
        Instant createdAt,
        Instant receivedAt,
        Long reach) {

    /** A mention whose source did not say the author's reach. */
    public Mention(
            MentionId id,
            String source,
            String sourceId,
            String text,
            String author,
            CustomerId customerId,
            String language,
            Sentiment sentiment,
            double score,
            Topic topic,
            boolean corrected,
            Instant createdAt,
            Instant receivedAt) {
        this(
                id,
                source,
                sourceId,
                text,
                author,
                customerId,
                language,
                sentiment,
                score,
                topic,
                corrected,
                createdAt,
                receivedAt,
                null);
    }

    public Optional<CustomerId> customer() {
        return Optional.ofNullable(customerId);
    }
}
