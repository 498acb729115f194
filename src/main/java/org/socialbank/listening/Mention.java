package org.socialbank.listening;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;

/**
 * A stored mention and what the bank understood of it.
 *
 * @param customerId the linked customer who wrote it, when the author's handle is linked
 * @param corrected whether staff corrected it (or the same text before it)
 */
public record Mention(MentionId id, String source, String sourceId, String text, String author,
        CustomerId customerId, String language, Sentiment sentiment, double score, Topic topic,
        boolean corrected, Instant createdAt, Instant receivedAt) {

    public Optional<CustomerId> customer() {
        return Optional.ofNullable(customerId);
    }
}
