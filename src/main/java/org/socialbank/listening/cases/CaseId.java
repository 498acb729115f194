package org.socialbank.listening.cases;

import java.util.Objects;
import java.util.UUID;

public record CaseId(UUID value) {

    public CaseId {
        Objects.requireNonNull(value, "value");
    }

    /** The id as written in an address, or empty when the text is not an id. */
    public static java.util.Optional<CaseId> parse(String text) {
        try {
            return java.util.Optional.of(new CaseId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
