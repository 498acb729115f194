package org.socialbank.cards;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;

/**
 * One transaction the card processor reports. Its id is the processor's and makes booking
 * idempotent: delivered twice, it is booked once.
 *
 * @param occurredOn the day it happened (the bank's zone), which decides its statement cycle
 * @param merchant who was paid, at most 64 characters, or null
 * @param purchaseId for a refund, the processor's id of the purchase it gives (part of) back, or
 *     null when the processor does not say; booked on the refund's transfer as {@link
 *     #PURCHASE_METADATA}, so that loyalty takes back the purchase's points by the share refunded
 */
public record FeedTransaction(
        UUID id,
        CardId card,
        FeedKind kind,
        long amountMinor,
        CurrencyCode currency,
        LocalDate occurredOn,
        String merchant,
        UUID purchaseId) {

    public static final int MERCHANT_LENGTH_MAX = 64;

    /** The metadata key of a refund's transfer naming the ledger transfer of the purchase it refunds. */
    public static final String PURCHASE_METADATA = "card_purchase";

    /** A transaction that names no purchase (a purchase, a withdrawal, or a refund the processor did not link). */
    public FeedTransaction(
            UUID id,
            CardId card,
            FeedKind kind,
            long amountMinor,
            CurrencyCode currency,
            LocalDate occurredOn,
            String merchant) {
        this(id, card, kind, amountMinor, currency, occurredOn, merchant, null);
    }

    public FeedTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredOn, "occurredOn");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a card transaction's amount is positive");
        }
        if (merchant != null
                && (merchant.length() > MERCHANT_LENGTH_MAX || merchant.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("a merchant is at most " + MERCHANT_LENGTH_MAX + " characters");
        }
        if (purchaseId != null && (kind != FeedKind.REFUND || purchaseId.equals(id))) {
            throw new IllegalArgumentException("only a refund names a purchase, and not itself");
        }
    }
}
