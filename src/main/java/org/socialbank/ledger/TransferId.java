package org.socialbank.ledger;

import java.nio.charset.StandardCharsets;
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

    /**
     * The id of the transfer that resolves this pending one in the given way, the same on every
     * node and every retry, so that posting or voiding a pending transfer is idempotent too.
     */
    public TransferId resolvedBy(TransferKind kind) {
        String name = "socialbank:" + kind.wireName() + ":" + value;
        return new TransferId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
