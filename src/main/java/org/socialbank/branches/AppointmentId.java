package org.socialbank.branches;

import java.util.Objects;
import java.util.UUID;

/** An appointment's id, chosen by the client: the idempotency key of its booking. */
public record AppointmentId(UUID value) {

    public AppointmentId {
        Objects.requireNonNull(value, "value");
    }
}
