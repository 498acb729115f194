package org.socialbank.applications;

import java.util.Objects;
import java.util.UUID;

/** Identifies a loan (derived from the approved application's id). */
public record LoanId(UUID value) {

    public LoanId {
        Objects.requireNonNull(value, "loan id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
