package org.socialbank.payments;

import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A payment held for the step-up page ended without paying anything. {@code reason} says how:
 * the step-up ended ({@code expired}, {@code too_many_attempts}, {@code cancelled} on the page,
 * {@code confirmation_mismatch}), or the payment was refused when carried out after the right code
 * (a rejection code: {@code insufficient_funds}, {@code account_frozen}, {@code payee_cannot_receive_currency}...).
 * {@code payee} is the payee as the step-up page showed them; {@code availableMinor} what the payer could
 * spend in the currency when the refusal is {@code insufficient_funds}, else null. Published in the
 * transaction that ended it.
 * A held payment the payer called off themselves (from the chat or the API) publishes nothing: they are answered.
 */
public record HeldPaymentNotPaid(
        PaymentId paymentId,
        CustomerId payerCustomerId,
        long amountMinor,
        CurrencyCode currency,
        String payee,
        PaymentStatus status,
        String reason,
        Long availableMinor) {

    /** Why it was refused when carried out after the right code; empty when the step-up ended it. */
    public java.util.Optional<PaymentRejection> rejection() {
        return status == PaymentStatus.REJECTED ? PaymentRejection.fromCode(reason) : java.util.Optional.empty();
    }
}
