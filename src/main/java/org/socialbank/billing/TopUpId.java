package org.socialbank.billing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies a top-up: the client's id, its idempotency key. */
public record TopUpId(UUID value) {

    public TopUpId {
        Objects.requireNonNull(value, "top-up id");
    }

    UUID derive(String purpose) {
        return UUID.nameUUIDFromBytes(("socialbank-topup:" + value + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
