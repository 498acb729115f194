package org.socialbank.payments;

import org.socialbank.directory.CustomerId;

/** A payment waits for the payer's step-up confirmation at {@code confirmationUrl}; {@code reason} says why. */
public record PaymentHeld(PaymentId paymentId, CustomerId payerCustomerId, String confirmationUrl, String reason) {}
