package org.socialbank.console;

import java.util.Objects;
import java.util.UUID;

/** The id of a member of staff. */
public record StaffId(UUID value) {

    public StaffId {
        Objects.requireNonNull(value, "value");
    }

    public static StaffId random() {
        return new StaffId(UUID.randomUUID());
    }
}
