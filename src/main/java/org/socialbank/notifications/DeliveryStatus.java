package org.socialbank.notifications;

/** Where a message with an external effect is: PENDING, then SUCCEEDED, FAILED or UNKNOWN. */
public enum DeliveryStatus {

    /** The gateway accepted it and will report later. */
    PENDING,
    /** The gateway delivered it, or took it for delivery with no report to come. */
    SUCCEEDED,
    /** The gateway refused it; it was not sent. */
    FAILED,
    /** Whether it was sent cannot be told yet (e.g. a timeout); a janitor asks the gateway again. */
    UNKNOWN;

    /** Whether nothing more will change: only SUCCEEDED and FAILED. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
