package org.socialbank.billing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies a card-to-card transfer: the client's id, its idempotency key. */
public record CardTransferId(UUID value) {

    public CardTransferId {
        Objects.requireNonNull(value, "card transfer id");
    }

    UUID derive(String purpose) {
        return UUID.nameUUIDFromBytes(
                ("socialbank-card-transfer:" + value + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
