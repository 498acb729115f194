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
 */
public record FeedTransaction(
        UUID id,
        CardId card,
        FeedKind kind,
        long amountMinor,
        CurrencyCode currency,
        LocalDate occurredOn,
        String merchant) {

    public static final int MERCHANT_LENGTH_MAX = 64;

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
    }
}
