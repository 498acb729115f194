package org.socialbank.listening.cases;

import java.util.Objects;
import java.util.UUID;
import org.socialbank.shared.Uuids;

public record CaseId(UUID value) {

    public CaseId {
        Objects.requireNonNull(value, "value");
    }

    /** The id as written in an address, or empty when the text is not an id. */
    public static java.util.Optional<CaseId> parse(String text) {
        return Uuids.parse(text).map(CaseId::new);
    }
}
