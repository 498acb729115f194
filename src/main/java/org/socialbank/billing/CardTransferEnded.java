package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A card-to-card transfer ended, as {@code ending} says: the switch paid the card ({@code
 * COMPLETED}, with its trace number), or refused it or never received it ({@code FAILED}: the money
 * is back), or a transfer held for the step-up was not confirmed ({@code NOT_CONFIRMED}: expired,
 * cancelled, confirmed for something else, or the own card no longer active) or was confirmed and
 * then refused by the ledger ({@code REFUSED}, e.g. no funds): in those two nothing was taken.
 * {@code code} says why it did not complete. The card is only ever carried masked. Published in the
 * transaction that booked the ending.
 */
public record CardTransferEnded(
        CardTransferId id,
        CustomerId customerId,
        String destinationMasked,
        String bank,
        long amountMinor,
        String currency,
        BillingEnding ending,
        String code,
        String traceNumber,
        String channel) {

    /** Whether the switch paid the card. */
    public boolean completed() {
        return ending.completed();
    }
}
