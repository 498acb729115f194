package org.socialbank.billing;

import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * The switch answered who holds a card a customer asked to send to in chat: {@code known} with the
 * holder's masked name and the issuing bank, to show with Confirm and Cancel; else the switch does
 * not know the card. The card is only ever carried masked. Published in the transaction that
 * recorded the answer.
 */
public record CardTransferQuoted(
        UUID quoteId,
        CustomerId customerId,
        String destinationMasked,
        String bank,
        String holderMasked,
        long amountMinor,
        String currency,
        String sourceCardMasked,
        boolean known,
        String channel) {}
