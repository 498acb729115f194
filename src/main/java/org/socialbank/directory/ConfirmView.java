package org.socialbank.directory;

/** What the step-up confirmation page shows now. */
public sealed interface ConfirmView {

    /** The operation, exactly as it will be done, and the code form. */
    record Pending(long amountMinor, String currency, String payee, long feeMinor, String maskedPhone,
            boolean wrong, int attemptsLeft) implements ConfirmView {
    }

    record Confirmed() implements ConfirmView {
    }

    record NotConfirmed() implements ConfirmView {
    }

    record Invalid() implements ConfirmView {
    }
}
