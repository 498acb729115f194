package org.socialbank.notifications;

import java.util.Objects;

/**
 * What a gateway says, when asked later ({@link SmsGateway#status(String)}), of a message it had
 * answered PENDING: the delivery report of that message, as a value.
 */
public sealed interface SmsReport {

    /** The message reached the phone. */
    record Delivered() implements SmsReport {}

    /** The message will never reach the phone (an unknown number, a phone off past the validity...), and why. */
    record Failed(String reason) implements SmsReport {

        public Failed {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank() || reason.length() > Deliveries.REASON_LENGTH_MAX) {
                throw new IllegalArgumentException("reason must be 1.." + Deliveries.REASON_LENGTH_MAX + " characters");
            }
        }
    }

    /** No report yet, or the gateway could not be asked now (a timeout): ask again later. */
    record StillPending() implements SmsReport {}

    /** The gateway knows no message by this id (never its own, or forgotten): no report will come. */
    record UnknownId() implements SmsReport {}

    static SmsReport delivered() {
        return new Delivered();
    }

    static SmsReport failed(String reason) {
        return new Failed(reason);
    }

    static SmsReport stillPending() {
        return new StillPending();
    }

    static SmsReport unknownId() {
        return new UnknownId();
    }
}
