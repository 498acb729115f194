package org.socialbank.payments.requests;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies a bill split; chosen by the caller, it is the idempotency key of the split and its requests. */
public record SplitId(UUID value) {

    public SplitId {
        Objects.requireNonNull(value, "split id");
    }

    /** The id of the request to the member at this position of the split: replays hit the same request. */
    public RequestId member(int position) {
        return new RequestId(UUID.nameUUIDFromBytes(
                ("socialbank-split:" + value + ":member:" + position).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
