package org.socialbank.payments;

import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * Money for someone who is not a customer waits in escrow: the payer gets {@code claimUrl} to
 * forward (or the bank reaches the payee where it can). On public networks, post no amount and
 * no name beyond the handle.
 */
public record PaymentAwaitingClaim(PaymentId paymentId, CustomerId payerCustomerId, Alias payee, long amountMinor,
        CurrencyCode currency, String claimUrl, java.time.Instant claimExpiresAt, String channel) {
}
