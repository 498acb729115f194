package org.socialbank.channels;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.Network;

/**
 * A public post on a network that mentions the bank, as its channel adapter read it, for anyone
 * listening to what is said about the bank (social listening, issue 20). Published besides the
 * engine's message; carries the whole text, with the bank's own @mention left in.
 *
 * @param postId the post's id on the network (the idempotency key downstream)
 * @param authorId the author's immutable account id on the network
 * @param authorHandle the author's handle as the network reported it, or null
 * @param createdAt when the network says it was posted, or null when it did not say
 * @param authorFollowers how many accounts follow the author, when the network said (its reach)
 */
public record PublicMentionReceived(
        Network network,
        String postId,
        String authorId,
        String authorHandle,
        String text,
        Instant createdAt,
        Long authorFollowers) {

    /** A mention whose network did not say the author's reach. */
    public PublicMentionReceived(
            Network network, String postId, String authorId, String authorHandle, String text, Instant createdAt) {
        this(network, postId, authorId, authorHandle, text, createdAt, null);
    }

    public PublicMentionReceived {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(text, "text");
    }
}
