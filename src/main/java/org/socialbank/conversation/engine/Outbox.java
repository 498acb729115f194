package org.socialbank.conversation.engine;

import java.time.Clock;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes replies to the outbox, sealed, in the caller's transaction; once that commits, the row is
 * offered to this node's relay, whose free worker sends it at once (else the relay is woken and
 * takes it in its chat's order), instead of at the next relay run.
 */
@Component
public class Outbox {

    private final JdbcConversations store;
    private final PayloadSeal seal;
    private final RelaySignal relay;
    private final Clock clock;

    Outbox(JdbcConversations store, PayloadSeal seal, RelaySignal relay, Clock clock) {
        this.store = store;
        this.seal = seal;
        this.relay = relay;
        this.clock = clock;
    }

    public OutboundMessage write(JdbcConversations.Chat chat, Outbound content) {
        return write(OutboxIds.next(), chat, content);
    }

    /** Writes under an id the caller chose (a campaign keeps it to match the platform's reports). */
    public OutboundMessage write(java.util.UUID id, JdbcConversations.Chat chat, Outbound content) {
        OutboundMessage message = new OutboundMessage(id, chat.identityId(), chat.channel(), chat.recipient(), content);
        store.insertOutbox(message.id(), chat, seal.seal(message.id(), Json.outbound(content)), clock.instant());
        offerAfterCommit(new RelaySignal.Offer(message.id(), chat.channel(), chat.recipient()));
        return message;
    }

    private void offerAfterCommit(RelaySignal.Offer offer) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            relay.offer(offer);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.offer(offer);
            }
        });
    }
}
