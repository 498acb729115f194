package org.socialbank.payments;

import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A claim's payout was refused by the payee's bank and the payer's account (frozen or closed)
 * refused the money back: the bank holds it and gives it back once the account takes it, which
 * then publishes {@link PaymentReturned} with reason {@code payout_failed}.
 */
public record PaymentReturnHeld(
        PaymentId paymentId, CustomerId payerCustomerId, long amountMinor, CurrencyCode currency) {}
