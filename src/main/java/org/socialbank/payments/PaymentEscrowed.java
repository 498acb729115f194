package org.socialbank.payments;

import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * Money for someone who is not a customer waits in escrow: the payer gets {@code claimUrl} to
 * forward (or the bank reaches the payee where it can). On public networks, post no amount and
 * no name beyond the handle.
 *
 * @param payeeAccountId on a network whose claims are bound to an account id (X), the id of the
 *     account that held the handle when it was paid: the only one the claim link may go to; null
 *     when the network did not say, and on other networks
 * @param answeredInChat the payer ordered it in a chat whose reply tells them so and gives them the
 *     link (see {@link PaymentOrder#answeredInChat()}): no alert to the payer
 */
public record PaymentEscrowed(
        PaymentId paymentId,
        CustomerId payerCustomerId,
        Alias payee,
        long amountMinor,
        CurrencyCode currency,
        String claimUrl,
        java.time.Instant claimExpiresAt,
        String channel,
        String payeeAccountId,
        boolean answeredInChat) {

    /** Whether the claim link may go only to {@link #payeeAccountId} on the payee's network, never by handle. */
    public boolean routedByAccountId() {
        return payee.type() == org.socialbank.directory.AliasType.HANDLE
                && ClaimGuards.BOUND_BY_ID.contains(payee.network());
    }
}
