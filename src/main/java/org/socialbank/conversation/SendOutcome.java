package org.socialbank.conversation;

/** What the platform said to one send. */
public sealed interface SendOutcome {

    record Sent() implements SendOutcome {
    }

    /** The platform said no; {@code retryable} when trying later may work (429, 5xx). */
    record Failed(boolean retryable, String reason) implements SendOutcome {
    }

    /** No answer (a timeout after sending): it may or may not have arrived; never resent blindly. */
    record Unknown(String reason) implements SendOutcome {
    }
}
