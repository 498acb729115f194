package org.socialbank.listening;

import java.util.Objects;
import java.util.UUID;

/** The bank's id of a stored mention. */
public record MentionId(UUID value) {

    public MentionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
