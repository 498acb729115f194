package org.socialbank.payouts;

/** Where a payout is: PENDING, then SUCCEEDED, FAILED or UNKNOWN (which a janitor re-checks). */
public enum PayoutStatus {

    /** Recorded, and either waiting to be sent or sent and not yet settled. */
    PENDING,
    /** The other bank's account was credited. */
    SUCCEEDED,
    /** The rail refused it (or it never reached the rail and could not be sent again); no money left. */
    FAILED,
    /** Whether the rail has it cannot be told yet; the janitor asks the rail again. */
    UNKNOWN;

    /** Whether nothing more will change: only SUCCEEDED and FAILED. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
