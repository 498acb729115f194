package org.socialbank.conversation;

import java.util.Objects;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.shared.Network;

/**
 * One message as a channel adapter received it.
 *
 * @param externalMessageId the platform's id of the update: with the channel, the idempotency key
 * @param externalUserId the platform's id of the sender
 * @param handle the sender's handle as the platform reports it now, may be null
 * @param phone the sender's phone as the platform vouches for it, may be null
 * @param groupId the platform's id of the group chat it was written in, null in a private chat:
 *     replies then go to the group, and nothing private (amounts, balances) is said there
 * @param privateChat for a message written in a group, whether the bank may write first to the
 *     sender's private chat, as the channel knows it ({@link PrivateChat#UNSAID} when it does not)
 */
public record InboundMessage(
        Network channel,
        String externalMessageId,
        String externalUserId,
        String handle,
        String phone,
        Inbound content,
        String groupId,
        PrivateChat privateChat) {

    public static final int MESSAGE_ID_LENGTH_MAX = 128;

    /**
     * Whether a private answer to a group message can reach its sender. Telegram and Bale let a bot
     * write only to a person who opened a private chat with it and did not block it since; a
     * channel that cannot tell says {@link #UNSAID}, and the private answer goes as it always did.
     */
    public enum PrivateChat {
        /** The channel does not say (and a private chat's own message needs no saying). */
        UNSAID,
        /** The sender opened a private chat with the bot and has not blocked it since. */
        OPEN,
        /** The sender never opened a private chat with the bot, or blocked it: nothing written there arrives. */
        NOT_OPEN
    }

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(content, "content");
        requireId(externalMessageId, "externalMessageId", MESSAGE_ID_LENGTH_MAX);
        requireId(externalUserId, "externalUserId", ChannelIdentity.EXTERNAL_ID_LENGTH_MAX);
        if (handle != null && (handle.length() > 128 || controls(handle))) {
            throw new IllegalArgumentException("handle is at most 128 characters without control characters");
        }
        if (phone != null && (phone.length() > 16 || controls(phone))) {
            throw new IllegalArgumentException("phone is at most 16 characters without control characters");
        }
        if (groupId != null) {
            requireId(groupId, "groupId", ChannelIdentity.EXTERNAL_ID_LENGTH_MAX);
        }
        Objects.requireNonNull(privateChat, "privateChat");
        if (groupId == null && privateChat == PrivateChat.NOT_OPEN) {
            throw new IllegalArgumentException("a message written in a private chat came through an open one");
        }
    }

    /** A message as a channel that does not say whether the sender's private chat is open reads it. */
    public InboundMessage(
            Network channel,
            String externalMessageId,
            String externalUserId,
            String handle,
            String phone,
            Inbound content,
            String groupId) {
        this(channel, externalMessageId, externalUserId, handle, phone, content, groupId, PrivateChat.UNSAID);
    }

    /** A message in a private chat with the bank. */
    public InboundMessage(
            Network channel,
            String externalMessageId,
            String externalUserId,
            String handle,
            String phone,
            Inbound content) {
        this(channel, externalMessageId, externalUserId, handle, phone, content, null);
    }

    public boolean inGroup() {
        return groupId != null;
    }

    /** The same message, with what the channel knows of the sender's private chat. */
    public InboundMessage withPrivateChat(PrivateChat known) {
        return new InboundMessage(channel, externalMessageId, externalUserId, handle, phone, content, groupId, known);
    }

    private static void requireId(String id, String name, int lengthMax) {
        if (id == null || id.isBlank() || id.length() > lengthMax || controls(id)) {
            throw new IllegalArgumentException(
                    name + " is 1 to " + lengthMax + " characters without control characters");
        }
    }

    private static boolean controls(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
