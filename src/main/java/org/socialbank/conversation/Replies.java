package org.socialbank.conversation;

import java.util.ArrayList;
import java.util.List;
import org.socialbank.conversation.dialogue.Dialogue;
import org.socialbank.conversation.engine.AnswerRoute;
import org.socialbank.conversation.engine.JdbcConversations.Chat;
import org.socialbank.conversation.engine.Outbox;
import org.socialbank.shared.Language;

/**
 * Writes one turn's replies to the outbox where its {@link AnswerRoute} sends them, with the
 * group's note: "answered you privately" only when the private chat takes the answer, else how to
 * open it. In the caller's transaction.
 */
final class Replies {

    private final Outbox outbox;
    private final Dialogue dialogue;

    Replies(Outbox outbox, Dialogue dialogue) {
        this.outbox = outbox;
        this.dialogue = dialogue;
    }

    /**
     * In a private chat every reply goes back to it. In a group a public answer goes to the group;
     * a private one (a balance, a payment, a sign-in link) goes to the sender's private chat, and
     * the group only hears that it did; when that chat is not open, nothing goes there and the group
     * hears how to open it.
     */
    List<OutboundMessage> deliver(InboundMessage message, Chat chat, Dialogue.Step step, AnswerRoute route) {
        return switch (route) {
            case NONE -> List.of();
            case PRIVATE_CHAT -> write(chat, step.replies());
            case GROUP -> write(group(message, chat), step.replies());
            case PRIVATELY_NOTED -> {
                List<OutboundMessage> written = new ArrayList<>(write(chat, step.replies()));
                written.add(outbox.write(
                        group(message, chat),
                        new Outbound.Text(dialogue.privateNote(step.language(), message.handle()))));
                yield written;
            }
            case WITHHELD -> List.of(openPrivateChat(message, chat, step.language()));
        };
    }

    /** Tells the group that the bot may not write first to the sender: they open the private chat and ask there. */
    OutboundMessage openPrivateChat(InboundMessage message, Chat chat, Language language) {
        return outbox.write(
                group(message, chat), new Outbound.Text(dialogue.openPrivateChatNote(language, message.handle())));
    }

    List<OutboundMessage> write(Chat chat, List<Outbound> replies) {
        return replies.stream().map(reply -> outbox.write(chat, reply)).toList();
    }

    private static Chat group(InboundMessage message, Chat chat) {
        return new Chat(chat.identityId(), chat.channel(), message.groupId());
    }
}
