package org.socialbank.handoff;

import java.util.Objects;
import java.util.UUID;

/** One handoff of a conversation to people, from the queue to its close. */
public record CaseId(UUID value) {
    public CaseId {
        Objects.requireNonNull(value, "value");
    }
}
