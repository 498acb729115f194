package org.socialbank.payouts;

import java.util.Objects;
import java.util.UUID;

/** The id of a payout, chosen by the caller: it is the payout's idempotency key. */
public record PayoutId(UUID value) {

    public PayoutId {
        Objects.requireNonNull(value, "value");
    }

    public static PayoutId random() {
        return new PayoutId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
