package org.socialbank.branches;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.socialbank.directory.CustomerId;

/** A request to book: the id makes it idempotent; {@code service} may be null. */
public record BookingRequest(
        AppointmentId id,
        CustomerId customerId,
        String branchId,
        OffsetDateTime start,
        String service,
        String channel) {

    public BookingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(channel, "channel");
    }

    /** What the id stands for: a replay must name the same customer, branch, instant and service. */
    String fingerprint() {
        return customerId.value() + "|" + branchId + "|" + start.toInstant() + "|" + (service == null ? "" : service);
    }
}
