package org.socialbank.listening.classify;

import java.util.Objects;
import org.socialbank.listening.Sentiment;
import org.socialbank.listening.Topic;

/**
 * What the classifier says about one text.
 *
 * @param language en, fr, ru, fa, zh, or {@code und} when the text has no letters to judge by
 * @param score net polarity in [-1, 1]
 * @param corrected true when a staff correction of the same text decided sentiment and topic
 */
public record Classification(String language, Sentiment sentiment, double score, Topic topic, boolean corrected) {

    public Classification {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(topic, "topic");
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
        }
    }
}
