package org.socialbank.listening;

import java.time.Instant;

/**
 * A mention as a source reports it; validated here, so a stored mention is always well-formed.
 *
 * @param author the handle or account id on the source; null when the source names nobody
 * @param createdAt when it was written; null means "when it arrived"
 * @param reach how many people the author reaches (followers, a group's members) when the source
 *     says; null when it does not
 */
public record NewMention(String source, String sourceId, String text, String author, Instant createdAt, Long reach) {

    /** A mention whose source does not say the author's reach. */
    public NewMention(String source, String sourceId, String text, String author, Instant createdAt) {
        this(source, sourceId, text, author, createdAt, null);
    }

    public static final int SOURCE_ID_LENGTH_MAX = 128;
    public static final int TEXT_LENGTH_MAX = 4000;
    public static final int AUTHOR_LENGTH_MAX = 128;

    public NewMention {
        require(
                source != null && source.matches(MentionSource.NAME_PATTERN),
                "source must match " + MentionSource.NAME_PATTERN);
        require(
                sourceId != null && !sourceId.isBlank() && sourceId.length() <= SOURCE_ID_LENGTH_MAX,
                "sourceId must be 1 to " + SOURCE_ID_LENGTH_MAX + " characters");
        require(
                text != null && !text.isBlank() && text.length() <= TEXT_LENGTH_MAX,
                "text must be 1 to " + TEXT_LENGTH_MAX + " characters");
        require(
                author == null || (!author.isBlank() && author.length() <= AUTHOR_LENGTH_MAX),
                "author must be 1 to " + AUTHOR_LENGTH_MAX + " characters when given");
        require(reach == null || reach >= 0, "reach must be a count, 0 or more, when given");
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
