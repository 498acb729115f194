package org.socialbank.conversation;

import java.time.Duration;
import java.util.function.Supplier;
import org.socialbank.shared.Faults;
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

    /**
     * The longest one {@link #send} can take (its wait for a rate limit, its calls' timeouts and
     * their retries), with the properties that make it up. The relay refuses to start when it is not
     * shorter than {@code relay-lease}: a send that outlasts its lease lets another relay claim the
     * row and send it a second time (review 2026-12-07 channels follow-up). Default: no bound known.
     */
    default SendDurationMax sendDurationMax() {
        return SendDurationMax.NONE;
    }

    /** How long one send may take at most, and the properties (by name) that bound it. */
    record SendDurationMax(Duration duration, String properties) {

        public static final SendDurationMax NONE = new SendDurationMax(Duration.ZERO, "");
    }

    /**
     * Runs what a sender reads before it calls the platform (its own store, the directory). A
     * fault there means nothing was sent, so the relay must not record the send's fate as unknown
     * (which the janitor gives up on channels that are not {@link #resendSafe}): it is rethrown as
     * {@link NothingSent}, which the relay records as a failed try, retried when the fault is an
     * infrastructure one ({@link Faults#infrastructure}: the pool timed out, the database went away)
     * (review 2026-12-07 channels follow-up).
     */
    static <T> T beforeSend(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new NothingSent(e);
        }
    }

    /** A sender failed before anything reached the platform; its cause says why. */
    final class NothingSent extends RuntimeException {

        public NothingSent(RuntimeException cause) {
            super("nothing sent: " + cause, cause);
        }

        /** Whether trying again later may work: the cause is a database, transaction or I/O fault. */
        public boolean retryable() {
            return Faults.infrastructure(getCause());
        }
    }
}
