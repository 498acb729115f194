package org.socialbank.handoff;

import java.util.Objects;

/** A staff member who answers customers: the staff id of the console's sign-in. */
public record AgentId(String value) {
    public AgentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("an agent id is 1..64 characters");
        }
    }
}
