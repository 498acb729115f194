package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.conversation.OutboundMessage;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Lets a channel adapter deliver a reply in its own HTTP answer (WeChat's passive reply) instead
 * of through the outbox relay: the row is claimed like the relay claims it and marked SUCCEEDED at
 * once, so the relay never sends it too. A row the relay holds (or has sent) is not taken.
 */
@Component
@NamedInterface("inline-replies")
public class InlineReplies {

    /** Long enough to mark the row; the lease only matters if this node dies in between. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final JdbcConversations store;
    private final PayloadSeal seal;
    private final ConversationProperties properties;
    private final Clock clock;

    InlineReplies(JdbcConversations store, PayloadSeal seal, ConversationProperties properties, Clock clock) {
        this.store = store;
        this.seal = seal;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The reply, now owned by the caller and marked sent, or empty when it is no longer pending or
     * another sender holds it. At most once: if the caller's answer is lost, so is the reply.
     */
    public Optional<OutboundMessage> take(UUID id) {
        Instant now = clock.instant();
        Instant lease = now.plus(LEASE);
        if (!store.claim(id, now, lease)) {
            return Optional.empty();
        }
        return store.pending(id, lease)
                .filter(r -> store.finish(
                        r.id(),
                        lease,
                        "SUCCEEDED",
                        r.attempts() + 1,
                        null,
                        now,
                        now.plus(properties.sentPayloadTtl()),
                        properties.sentPayloadTtl().isZero()))
                .map(r -> new OutboundMessage(
                        r.id(),
                        r.identityId(),
                        r.channel(),
                        r.recipient(),
                        Json.outbound(seal.open(r.id(), r.payload()))));
    }
}
