package org.socialbank.sweeping;

import java.util.Objects;
import java.util.UUID;

/** Identifies a pull: the client's id, its idempotency key. */
public record PullId(UUID value) {

    public PullId {
        Objects.requireNonNull(value, "pull id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
