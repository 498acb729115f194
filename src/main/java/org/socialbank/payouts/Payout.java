package org.socialbank.payouts;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * A payout as recorded.
 *
 * @param failureReason why it FAILED, or why it is UNKNOWN; null otherwise
 * @param reviewSince when it was marked for operations' review, having stayed unfinished longer than
 *     {@code socialbank.payouts.review-after}; null otherwise (and kept once it ends, as a record)
 */
public record Payout(
        PayoutId id,
        ExternalAccount to,
        long amountMinor,
        CurrencyCode currency,
        String reference,
        PayoutStatus status,
        String failureReason,
        Instant reviewSince,
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

    /** Unfinished and in doubt too long: operations look at it ({@code GET /api/v1/payouts?status=needs_review}). */
    public boolean needsReview() {
        return reviewSince != null && !status.isFinal();
    }
}
