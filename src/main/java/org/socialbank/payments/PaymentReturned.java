package org.socialbank.payments;

import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** The money of a payment is back with the payer; {@code reason} is {@code expired}, {@code cancelled} or {@code payout_failed}. */
public record PaymentReturned(
        PaymentId paymentId, CustomerId payerCustomerId, long amountMinor, CurrencyCode currency, String reason) {}
