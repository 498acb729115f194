package org.socialbank.conversation;

import java.time.Duration;
import java.util.Objects;

/** What the platform said to one send. */
public sealed interface SendOutcome {

    record Sent() implements SendOutcome {}

    /** The platform said no; {@code retryable} when trying later may work (5xx, no connection). */
    record Failed(boolean retryable, String reason) implements SendOutcome {}

    /** No answer (a timeout after sending): it may or may not have arrived; never resent blindly. */
    record Unknown(String reason) implements SendOutcome {}

    /**
     * Nothing was sent: a rate limit (the sender's own throttle, or the platform's 429 with its
     * {@code retry_after}) says "not before {@code retryAfter} from now". Not a send attempt: the
     * relay puts the message (and so the rest of its chat) back until then without counting it.
     */
    record NotNow(Duration retryAfter, String reason) implements SendOutcome {

        public NotNow {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                retryAfter = Duration.ZERO;
            }
        }
    }
}
