package org.socialbank.applications;

import java.util.Objects;
import java.util.UUID;

/** Identifies an application. */
public record ApplicationId(UUID value) {

    public ApplicationId {
        Objects.requireNonNull(value, "application id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
