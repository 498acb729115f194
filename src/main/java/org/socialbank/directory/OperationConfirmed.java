package org.socialbank.directory;

import java.util.UUID;
import org.socialbank.shared.CurrencyCode;

/**
 * The customer confirmed, on the bank's page and with the right code, exactly this operation:
 * the amount, currency, payee and fee that were shown and bound to the code. A listener must
 * check them against the operation it holds under {@code reference} before carrying it out.
 */
public record OperationConfirmed(String reference, UUID challengeId, CustomerId customerId, long amountMinor,
        CurrencyCode currency, String payee, long feeMinor) {
}
