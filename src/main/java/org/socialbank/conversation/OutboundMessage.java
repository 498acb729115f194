package org.socialbank.conversation;

import java.util.Objects;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;

/**
 * A reply waiting in the outbox, or being sent.
 *
 * @param id the outbox row's id; also the idempotency key given to platforms that take one
 * @param recipient the platform's id of the chat account it goes to
 */
public record OutboundMessage(UUID id, IdentityId identityId, Network channel, String recipient, Outbound content) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
    }
}
