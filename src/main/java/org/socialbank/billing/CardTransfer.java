package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * A card-to-card transfer as its customer and the bank's apps see it: the card only masked.
 *
 * @param sourceCardMasked the customer's own card it goes from (masked), null for one made before own cards
 * @param confirmationUrl the step-up page, only in the answer that started it (null otherwise)
 */
public record CardTransfer(
        CardTransferId id,
        CustomerId customerId,
        String destinationCardMasked,
        String bank,
        String holderMasked,
        long amountMinor,
        String currency,
        BillPaymentStatus status,
        String code,
        String traceNumber,
        Instant createdAt,
        Instant updatedAt,
        String sourceCardMasked,
        String confirmationUrl) {

    CardTransfer withConfirmationUrl(String url) {
        return new CardTransfer(
                id,
                customerId,
                destinationCardMasked,
                bank,
                holderMasked,
                amountMinor,
                currency,
                status,
                code,
                traceNumber,
                createdAt,
                updatedAt,
                sourceCardMasked,
                url);
    }
}
