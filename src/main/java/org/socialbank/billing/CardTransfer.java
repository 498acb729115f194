package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/** A card-to-card transfer as its customer and the bank's apps see it: the card only masked. */
public record CardTransfer(CardTransferId id, CustomerId customerId, String destinationCardMasked, String bank,
        String holderMasked, long amountMinor, String currency, BillPaymentStatus status, String code,
        String traceNumber, Instant createdAt, Instant updatedAt) {
}
