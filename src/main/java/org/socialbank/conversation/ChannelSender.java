package org.socialbank.conversation;

import org.socialbank.shared.Network;

/** Sends replies on one network. Each channel adapter provides one bean; the outbox relay calls it. */
public interface ChannelSender {

    Network network();

    /**
     * Sends one message; must not throw for a platform's "no" (return {@link SendOutcome.Failed}).
     * The relay calls it from several threads at once, for different chats; never for two messages
     * of one chat at once. It should not wait long for a rate limit: when the turn is more than a
     * moment away, answer {@link SendOutcome.NotNow} so the worker serves another chat meanwhile.
     *
     * @param idempotencyKey the same for every try of one message: pass it to platforms that take one
     */
    SendOutcome send(OutboundMessage message, String idempotencyKey);

    /**
     * Whether sending a message again with the same idempotency key can never show it twice (the
     * platform, or our own store, dedupes by the key). Only then does the outbox janitor resend a
     * message whose first send ended with an unknown outcome; otherwise it gives it up.
     */
    default boolean resendSafe() {
        return false;
    }

    /**
     * The relay recorded the message {@code SUCCEEDED} (its lease no longer holds it). A platform
     * that reports a message's fate later may have reported it while the row was still the relay's,
     * between the platform's answer and this record; such a report is only recorded then, and is
     * applied here, once (review 2026-12-07 channels follow-up). Must not throw.
     */
    default void recordedSent(java.util.UUID outboxId) {}
}
