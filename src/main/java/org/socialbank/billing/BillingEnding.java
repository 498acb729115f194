package org.socialbank.billing;

/**
 * How a top-up or a card-to-card transfer ended: the provider paid it ({@code COMPLETED}), or
 * refused it or never received it ({@code FAILED}: the money is back), or one held for the step-up
 * was not confirmed ({@code NOT_CONFIRMED}) or was confirmed and then refused by the ledger
 * ({@code REFUSED}): in those two nothing was taken.
 */
public enum BillingEnding {
    COMPLETED,
    FAILED,
    NOT_CONFIRMED,
    REFUSED;

    /** Whether the provider paid it. */
    public boolean completed() {
        return this == COMPLETED;
    }
}
