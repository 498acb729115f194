package org.socialbank.sweeping;

import java.util.Objects;
import java.util.UUID;

/** Identifies a rule: the client's id, its idempotency key. */
public record RuleId(UUID value) {

    public RuleId {
        Objects.requireNonNull(value, "rule id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
