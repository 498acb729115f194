package org.socialbank.directory;

/** What the step-up confirmation page shows now. */
public sealed interface ConfirmView {

    /** The operation, exactly as it will be done, and the code form. */
    record Pending(
            long amountMinor,
            String currency,
            String payee,
            long feeMinor,
            String maskedPhone,
            boolean wrong,
            int attemptsLeft)
            implements ConfirmView {}

    /** Confirmed and carried out (or its owner reported nothing else): {@code amountMinor} went to {@code payee}. */
    record Confirmed(long amountMinor, String currency, String payee) implements ConfirmView {}

    /**
     * Confirmed, but refused when carried out: nothing was done; {@code reason} is the owner's code,
     * {@code availableMinor} what could be spent when the refusal is about money (else null).
     */
    record Refused(long amountMinor, String currency, String payee, String reason, Long availableMinor)
            implements ConfirmView {}

    record NotConfirmed() implements ConfirmView {}

    record Invalid() implements ConfirmView {}
}
