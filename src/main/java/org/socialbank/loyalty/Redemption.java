package org.socialbank.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.cards.CardId;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * Points turned into a statement credit on a credit card.
 *
 * @param amountMinor the credit, in the card's currency
 */
public record Redemption(
        UUID id,
        CustomerId customerId,
        long points,
        CardId cardId,
        String maskedNumber,
        long amountMinor,
        CurrencyCode currency,
        Instant createdAt) {

    /** The only kind built so far. */
    public static final String STATEMENT_CREDIT = "statement_credit";
}
