package org.socialbank.conversation.engine;

import java.util.Objects;
import org.socialbank.conversation.InboundMessage.PrivateChat;

/**
 * Where the dialogue's answer to one message goes. In a group a private answer goes to the
 * sender's private chat, but only when it can arrive there: Telegram and Bale let a bot write only
 * to a person who opened a private chat with it (and did not block it since), so an answer written
 * to a chat the channel knows is not open would never come, while the group was told it had. Pure.
 */
public enum AnswerRoute {

    /** Nothing to say. */
    NONE,
    /** A private chat's message: every reply goes back to it. */
    PRIVATE_CHAT,
    /** A shareable answer to a group message: in the group. */
    GROUP,
    /** A private answer to a group message: to the sender's private chat, and the group hears it did. */
    PRIVATELY_NOTED,
    /**
     * A private answer to a group message whose sender's private chat is not open: nothing is
     * written there, the group hears how to open it (and the turn's effects are undone, see
     * {@code Conversations}).
     */
    WITHHELD;

    /**
     * @param replies whether the dialogue said anything
     */
    public static AnswerRoute of(boolean inGroup, PrivateChat privateChat, boolean shareable, boolean replies) {
        Objects.requireNonNull(privateChat, "privateChat");
        if (!replies) {
            return NONE;
        }
        if (!inGroup) {
            return PRIVATE_CHAT;
        }
        if (shareable) {
            return GROUP;
        }
        return privateChat == PrivateChat.NOT_OPEN ? WITHHELD : PRIVATELY_NOTED;
    }

    /**
     * Whether a reply that is not the dialogue's (a person's case's notice, which always goes to the
     * sender's private chat) may be written: not to a private chat the channel knows is not open.
     */
    public static boolean privateChatTakes(boolean inGroup, PrivateChat privateChat) {
        return !inGroup || privateChat != PrivateChat.NOT_OPEN;
    }
}
