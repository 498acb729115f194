package org.socialbank.loyalty;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A voucher ordered with points: {@code pending} while the partner is asked (its points are held),
 * then {@code issued} with the partner's voucher code (the points are spent), or {@code failed}
 * with the partner's reason (the points are released); {@code refused} when the bank said no first
 * (its code in {@code reason}).
 */
public record Voucher(
        UUID id,
        CustomerId customerId,
        String reward,
        long points,
        Status status,
        String voucherCode,
        String reason,
        Instant createdAt) {

    public enum Status {
        PENDING,
        ISSUED,
        FAILED,
        REFUSED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
