package org.socialbank.notifications;

import java.util.Objects;
import java.util.Optional;

/**
 * What a gateway answered for one message.
 *
 * @param id the gateway's id of the message (or the adapter's own, when the gateway gave none),
 *     by which a janitor asks again about an UNKNOWN one
 * @param status where the message is
 * @param failureReason why it FAILED (required then), or why it is UNKNOWN; empty otherwise
 */
public record SmsDelivery(String id, DeliveryStatus status, Optional<String> failureReason) {

    public static final int ID_LENGTH_MAX = 128;
    public static final int REASON_LENGTH_MAX = 500;

    public SmsDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureReason, "failureReason");
        if (id.isBlank() || id.length() > ID_LENGTH_MAX) {
            throw new IllegalArgumentException("id must be 1.." + ID_LENGTH_MAX + " characters");
        }
        if (failureReason.filter(r -> r.isBlank() || r.length() > REASON_LENGTH_MAX).isPresent()) {
            throw new IllegalArgumentException("failureReason must be 1.." + REASON_LENGTH_MAX + " characters");
        }
        if (status == DeliveryStatus.FAILED && failureReason.isEmpty()) {
            throw new IllegalArgumentException("a FAILED delivery says why");
        }
        if ((status == DeliveryStatus.PENDING || status == DeliveryStatus.SUCCEEDED) && failureReason.isPresent()) {
            throw new IllegalArgumentException("a " + status + " delivery has no failure reason");
        }
    }

    public static SmsDelivery pending(String id) {
        return new SmsDelivery(id, DeliveryStatus.PENDING, Optional.empty());
    }

    public static SmsDelivery succeeded(String id) {
        return new SmsDelivery(id, DeliveryStatus.SUCCEEDED, Optional.empty());
    }

    public static SmsDelivery failed(String id, String reason) {
        return new SmsDelivery(id, DeliveryStatus.FAILED, Optional.of(reason));
    }

    public static SmsDelivery unknown(String id, String reason) {
        return new SmsDelivery(id, DeliveryStatus.UNKNOWN, Optional.of(reason));
    }
}
