package org.socialbank.billing;

import java.util.Locale;

/**
 * Where a bill payment is. PENDING: the money is reserved (a pending ledger transfer) and the
 * biller is being asked; then COMPLETED (posted), FAILED (voided: the biller refused) or UNKNOWN
 * (the janitor asks the biller again, the money still reserved). A COMPLETED payment with the code
 * {@code paid_not_booked} was paid by the provider but its money was not taken (operations settle
 * it). AWAITING_CONFIRMATION waits for the step-up page;
 * REJECTED and NOT_CONFIRMED never moved money.
 */
public enum BillPaymentStatus {
    AWAITING_CONFIRMATION,
    PENDING,
    UNKNOWN,
    COMPLETED,
    FAILED,
    REJECTED,
    NOT_CONFIRMED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the pair stays taken: an ended payment that paid nothing frees it. */
    boolean holdsPair() {
        return this == AWAITING_CONFIRMATION || this == PENDING || this == UNKNOWN || this == COMPLETED;
    }
}
