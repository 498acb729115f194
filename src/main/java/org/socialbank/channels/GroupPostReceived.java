package org.socialbank.channels;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.Network;

/**
 * A text written in a public group where the bank's bot is a member (Telegram, Bale), as the
 * channel adapter read it, for social listening to keep when it mentions the bank (issue 20).
 * Published for every person's text the bot receives in a group, whether or not the engine
 * answers it; nothing here is stored by the adapter.
 *
 * @param groupId the group's chat id on the network (a supergroup's {@code -100...})
 * @param messageId the message's id within the group
 * @param authorId the author's immutable account id on the network
 * @param authorHandle the author's handle as the network reported it, or null
 * @param mentionsBot whether the text names the bot ({@code @bank_bot}), i.e. addresses the bank
 * @param createdAt when the network says it was written, or null
 * @param groupMembers how many members the group had when the adapter last asked the network (at
 *     most a day ago), i.e. how many people can read the post; null when unknown
 */
public record GroupPostReceived(
        Network network,
        String groupId,
        String messageId,
        String authorId,
        String authorHandle,
        String text,
        boolean mentionsBot,
        Instant createdAt,
        Long groupMembers) {

    /** A post whose group size is not known (yet). */
    public GroupPostReceived(
            Network network,
            String groupId,
            String messageId,
            String authorId,
            String authorHandle,
            String text,
            boolean mentionsBot,
            Instant createdAt) {
        this(network, groupId, messageId, authorId, authorHandle, text, mentionsBot, createdAt, null);
    }

    /** The same post with its group's member count. */
    public GroupPostReceived withGroupMembers(Long members) {
        return new GroupPostReceived(
                network, groupId, messageId, authorId, authorHandle, text, mentionsBot, createdAt, members);
    }

    public GroupPostReceived {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(text, "text");
    }
}
