package org.socialbank.conversation;

import java.util.Optional;
import org.socialbank.conversation.engine.JdbcConversations;
import org.socialbank.conversation.engine.Outbox;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to a chat that are not the bot's answer to a message (issue 19: a person's reply, a
 * handoff notice): written to the outbox in the caller's transaction, so the relay delivers them
 * once, in order with the chat's other replies, through the chat's own channel.
 */
@Service
public class ChatMessages {

    private final JdbcConversations store;
    private final Outbox outbox;

    ChatMessages(JdbcConversations store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Where a chat account's private chat is, and whom it was last seen linked to. */
    public record ChatAddress(IdentityId identity, Network channel, String recipient, Optional<CustomerId> customer) {
    }

    /** The chat account's private chat; empty when it never wrote to the bank. */
    @Transactional(readOnly = true)
    public Optional<ChatAddress> address(IdentityId identity) {
        return store.chatOf(identity).map(c -> new ChatAddress(c.chat().identityId(), c.chat().channel(),
                c.chat().recipient(), Optional.ofNullable(c.customer())));
    }

    /** Writes the message to the chat's outbox; empty when the chat account never wrote to the bank. */
    @Transactional
    public Optional<OutboundMessage> send(IdentityId identity, Outbound content) {
        return store.chatOf(identity).map(c -> outbox.write(c.chat(), content));
    }
}
