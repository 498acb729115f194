package org.socialbank.conversation.engine;

import java.time.Clock;
import java.util.UUID;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.springframework.stereotype.Component;

/** Writes replies to the outbox, in the caller's transaction. */
@Component
public class Outbox {

    private final JdbcConversations store;
    private final Clock clock;

    Outbox(JdbcConversations store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public OutboundMessage write(JdbcConversations.Chat chat, Outbound content) {
        OutboundMessage message = new OutboundMessage(UUID.randomUUID(), chat.identityId(), chat.channel(),
                chat.recipient(), content);
        store.insertOutbox(message.id(), chat, Json.outbound(content), clock.instant());
        return message;
    }
}
