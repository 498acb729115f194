package org.socialbank.payments;

/**
 * The answer to a payment order: a business "no" is a value, not an exception.
 *
 * <p>A payment refused by its checks (a limit, the payee, the money) is still stored, with status
 * {@code rejected} and its {@link Payment#rejection() rejection}: it is {@link Recorded}. Only an
 * order that cannot become a payment at all is {@link Refused}, and nothing is stored.
 */
public sealed interface PaymentResult {

    /** The payment, in whatever state it reached; {@code replayed} when its id had been paid with the same order. */
    record Recorded(Payment payment, boolean replayed) implements PaymentResult {}

    /** Nothing stored: {@link PaymentRejection#ID_REUSED} or {@link PaymentRejection#PAYER_NOT_FOUND}. */
    record Refused(PaymentRejection rejection) implements PaymentResult {}
}
