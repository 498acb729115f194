package org.socialbank.ledger;

import java.util.Objects;
import java.util.UUID;

/** Identifies a transfer; chosen by the caller and stored UNIQUE, it is the idempotency key. */
public record TransferId(UUID value) {

    public TransferId {
        Objects.requireNonNull(value, "transfer id");
    }

    public static TransferId of(String value) {
        return new TransferId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
