package org.socialbank.payments;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies a payment; chosen by the caller (an app, the chat's inbound message), it is the idempotency key. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "payment id");
    }

    public static PaymentId of(String value) {
        return new PaymentId(UUID.fromString(value));
    }

    /** A stable id derived from this payment for one purpose (a ledger transfer, a payout): replays hit the same row. */
    public UUID derive(String purpose) {
        return UUID.nameUUIDFromBytes(("socialbank-payment:" + value + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
