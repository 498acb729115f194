package org.socialbank.conversation.engine;

import org.socialbank.conversation.ChatMessageDue;
import org.socialbank.conversation.Outbound;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes another module's chat message to the outbox in the transaction that published it (issue 20 s3). */
@Component
class DueChatMessages {

    private final Outbox outbox;

    DueChatMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ChatMessageDue message) {
        outbox.write(
                new JdbcConversations.Chat(message.chatIdentity(), message.channel(), message.recipient()),
                new Outbound.Text(message.text()));
    }
}
