package org.socialbank.conversation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    public record ChatAddress(IdentityId identity, Network channel, String recipient, Optional<CustomerId> customer) {}

    /** The chat account's private chat; empty when it never wrote to the bank. */
    @Transactional(readOnly = true)
    public Optional<ChatAddress> address(IdentityId identity) {
        return store.chatOf(identity)
                .map(c -> new ChatAddress(
                        c.chat().identityId(),
                        c.chat().channel(),
                        c.chat().recipient(),
                        Optional.ofNullable(c.customer())));
    }

    /** How far the outbox got with a message, as the console shows it (issue 20: a private reply's delivery). */
    public enum Delivery {
        /** Written, not yet taken by the platform (retrying if it failed for a while). */
        PENDING,
        /** The platform took it. */
        SENT,
        /** The platform refused it for good. */
        FAILED,
        /** Sent, but the platform never answered; the relay checks again. */
        UNKNOWN,
        /** The outbox row is gone (retention): nothing is known any more. */
        FORGOTTEN
    }

    /**
     * Writes a text to a given place of a chat account (a group, a tweet to reply to, a direct
     * message), in the caller's transaction, and answers the outbox message, whose id tells its
     * {@link #deliveries delivery} later. {@link ChatMessageDue} does the same without an answer.
     */
    @Transactional
    public OutboundMessage write(IdentityId identity, Network channel, String recipient, String text) {
        return outbox.write(new JdbcConversations.Chat(identity, channel, recipient), new Outbound.Text(text));
    }

    /** The delivery of each outbox message, by id; at most 500 ids at a time. */
    @Transactional(readOnly = true)
    public Map<UUID, Delivery> deliveries(Collection<UUID> ids) {
        if (ids.size() > 500) {
            throw new IllegalArgumentException("at most 500 messages at a time");
        }
        Map<UUID, String> states = store.outboxStates(ids);
        Map<UUID, Delivery> out = new HashMap<>();
        for (UUID id : ids) {
            String state = states.get(id);
            out.put(
                    id,
                    state == null
                            ? Delivery.FORGOTTEN
                            : "SUCCEEDED".equals(state) ? Delivery.SENT : Delivery.valueOf(state));
        }
        return out;
    }

    /** Writes the message to the chat's outbox; empty when the chat account never wrote to the bank. */
    @Transactional
    public Optional<OutboundMessage> send(IdentityId identity, Outbound content) {
        return store.chatOf(identity).map(c -> outbox.write(c.chat(), content));
    }
}
