package org.socialbank.payments;

import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * The payee proved the alias and took the money: into a new wallet ({@code destination} =
 * {@code wallet}, {@code claimantCustomerId} set) or to an external account ({@code
 * external_account}, the payout under way; {@code claimantCustomerId} null).
 */
public record PaymentClaimed(
        PaymentId paymentId,
        CustomerId payerCustomerId,
        CustomerId claimantCustomerId,
        long amountMinor,
        CurrencyCode currency,
        String destination) {}
