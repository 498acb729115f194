package org.socialbank.billing;

import java.util.UUID;

/**
 * The answer to a card-to-card asked in chat: the holder is being looked up ({@link CardTransferQuoted}
 * follows with Confirm and Cancel), or a refusal that recorded nothing.
 */
public sealed interface CardQuoteResult permits CardQuoteResult.Asked, CardQuoteResult.Refused {

    record Asked(UUID quoteId, String destinationMasked, boolean replayed) implements CardQuoteResult {}

    /** {@code code}: customer_not_found, currency_not_supported, no_card_in_currency. */
    record Refused(String code) implements CardQuoteResult {}
}
