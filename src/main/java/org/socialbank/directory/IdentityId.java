package org.socialbank.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a chat account of some network, linked to a customer or not. */
public record IdentityId(UUID value) {

    public IdentityId {
        Objects.requireNonNull(value, "identity id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
