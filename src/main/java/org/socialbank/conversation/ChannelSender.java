package org.socialbank.conversation;

import org.socialbank.directory.Network;

/** Sends replies on one network. Each channel adapter provides one bean; the outbox relay calls it. */
public interface ChannelSender {

    Network network();

    /**
     * Sends one message; must not throw for a platform's "no" (return {@link SendOutcome.Failed}).
     *
     * @param idempotencyKey the same for every try of one message: pass it to platforms that take one
     */
    SendOutcome send(OutboundMessage message, String idempotencyKey);
}
