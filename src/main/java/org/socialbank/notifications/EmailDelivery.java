package org.socialbank.notifications;

import java.util.Optional;

/**
 * What an e-mail gateway answered for one message; the same rules as {@link SmsDelivery}.
 *
 * @param id the gateway's id of the message (a Message-ID, or the adapter's own)
 * @param status where the message is
 * @param failureReason why it FAILED (required then), or why it is UNKNOWN; empty otherwise
 */
public record EmailDelivery(String id, DeliveryStatus status, Optional<String> failureReason) {

    public EmailDelivery {
        Deliveries.check(id, status, failureReason);
    }

    public static EmailDelivery succeeded(String id) {
        return new EmailDelivery(id, DeliveryStatus.SUCCEEDED, Optional.empty());
    }

    public static EmailDelivery failed(String id, String reason) {
        return new EmailDelivery(id, DeliveryStatus.FAILED, Optional.of(reason));
    }

    public static EmailDelivery unknown(String id, String reason) {
        return new EmailDelivery(id, DeliveryStatus.UNKNOWN, Optional.of(reason));
    }
}
