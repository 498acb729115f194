package org.socialbank.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a bank customer. */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "customer id");
    }

    /** The owner reference the customer's ledger accounts carry. */
    public String ownerRef() {
        return "customer:" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
