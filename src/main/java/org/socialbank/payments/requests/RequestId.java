package org.socialbank.payments.requests;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies a money request; chosen by the caller (an app, a chat message), it is the idempotency key. */
public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "request id");
    }

    public static RequestId of(String value) {
        return new RequestId(UUID.fromString(value));
    }

    /** A stable id derived from this request for one purpose (a payment attempt, a ledger transfer). */
    public UUID derive(String purpose) {
        return UUID.nameUUIDFromBytes(("socialbank-request:" + value + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
