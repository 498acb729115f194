package org.socialbank.directory;

/**
 * What became of an operation once its payer confirmed it on the step-up page, as its owner
 * reports it ({@link ConfirmedOperations}): carried out, or refused when carried out.
 */
public sealed interface OperationOutcome {

    /** The operation was done (a held payment was sent). */
    record Carried() implements OperationOutcome {}

    /**
     * The code was right but the operation was refused when carried out; {@code reason} is the
     * owner's stable code, e.g. {@code insufficient_funds} (docs/payments.md lists them);
     * {@code availableMinor} is what the customer could spend in the operation's currency when the
     * refusal is about money, else null.
     */
    record Refused(String reason, Long availableMinor) implements OperationOutcome {

        public Refused {
            if (reason == null || reason.isBlank() || reason.length() > 64) {
                throw new IllegalArgumentException("reason must be 1 to 64 characters");
            }
            if (availableMinor != null && availableMinor < 0) {
                throw new IllegalArgumentException("the available amount must not be negative");
            }
        }
    }
}
