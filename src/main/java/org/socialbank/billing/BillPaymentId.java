package org.socialbank.billing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies a bill payment: the client's id, the idempotency key of all of it. */
public record BillPaymentId(UUID value) {

    public BillPaymentId {
        Objects.requireNonNull(value, "bill payment id");
    }

    /** A stable id derived from this one, e.g. for its ledger transfer. */
    UUID derive(String purpose) {
        return UUID.nameUUIDFromBytes(("socialbank-billing:" + value + ":" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
