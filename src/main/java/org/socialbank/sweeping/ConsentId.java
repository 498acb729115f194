package org.socialbank.sweeping;

import java.util.Objects;
import java.util.UUID;

/** Identifies a consent: the client's id, its idempotency key. */
public record ConsentId(UUID value) {

    public ConsentId {
        Objects.requireNonNull(value, "consent id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
