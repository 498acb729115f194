package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A card-to-card transfer ended: the switch paid the card ({@code completed}, with its trace
 * number) or refused it or never received it (the money is back; {@code code} says why). The card
 * is only ever carried masked. Published in the transaction that booked the switch's answer.
 */
public record CardTransferEnded(
        CardTransferId id,
        CustomerId customerId,
        String destinationMasked,
        String bank,
        long amountMinor,
        String currency,
        boolean completed,
        String code,
        String traceNumber,
        String channel) {}
