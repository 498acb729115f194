package org.socialbank.notifications;

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

    public static final int ID_LENGTH_MAX = Deliveries.ID_LENGTH_MAX;
    public static final int REASON_LENGTH_MAX = Deliveries.REASON_LENGTH_MAX;

    public SmsDelivery {
        Deliveries.check(id, status, failureReason);
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
