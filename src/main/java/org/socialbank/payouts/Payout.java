package org.socialbank.payouts;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * A payout as recorded.
 *
 * @param failureReason why it FAILED, or why it is UNKNOWN; null otherwise
 */
public record Payout(
        PayoutId id,
        ExternalAccount to,
        long amountMinor,
        CurrencyCode currency,
        String reference,
        PayoutStatus status,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    public Payout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
