package org.socialbank.payments;

import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A payment to a customer was booked: tell the payer (receipt) and alert the payee. Published in the booking transaction.
 *
 * @param answeredInChat the payer ordered it in a chat whose reply is their receipt (see {@link
 *     PaymentOrder#answeredInChat()}): no alert to the payer
 */
public record PaymentCompleted(
        PaymentId paymentId,
        CustomerId payerCustomerId,
        CustomerId payeeCustomerId,
        long amountMinor,
        CurrencyCode currency,
        String channel,
        boolean answeredInChat) {}
