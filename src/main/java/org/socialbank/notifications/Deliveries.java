package org.socialbank.notifications;

import java.util.Objects;
import java.util.Optional;

/** The invariants every delivery answer shares, whatever the medium. */
final class Deliveries {

    static final int ID_LENGTH_MAX = 128;
    static final int REASON_LENGTH_MAX = 500;

    private Deliveries() {}

    static void check(String id, DeliveryStatus status, Optional<String> failureReason) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureReason, "failureReason");
        if (id.isBlank() || id.length() > ID_LENGTH_MAX) {
            throw new IllegalArgumentException("id must be 1.." + ID_LENGTH_MAX + " characters");
        }
        if (failureReason
                .filter(r -> r.isBlank() || r.length() > REASON_LENGTH_MAX)
                .isPresent()) {
            throw new IllegalArgumentException("failureReason must be 1.." + REASON_LENGTH_MAX + " characters");
        }
        if (status == DeliveryStatus.FAILED && failureReason.isEmpty()) {
            throw new IllegalArgumentException("a FAILED delivery says why");
        }
        if ((status == DeliveryStatus.PENDING || status == DeliveryStatus.SUCCEEDED) && failureReason.isPresent()) {
            throw new IllegalArgumentException("a " + status + " delivery has no failure reason");
        }
    }
}
