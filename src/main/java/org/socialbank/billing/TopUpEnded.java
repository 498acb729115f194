package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A top-up ended, as {@code ending} says: the operator charged the number ({@code COMPLETED}, with
 * its trace number), or refused it or never received it ({@code FAILED}: the money is back), or a
 * top-up held for the step-up was not confirmed ({@code NOT_CONFIRMED}) or was confirmed and then
 * refused by the ledger ({@code REFUSED}, e.g. no funds): in those two nothing was taken.
 * {@code code} says why it did not complete. {@code points} (0: none) loyalty points paid {@code
 * discountMinor} of {@code amountMinor} (issue 16 s3.7): spent when it completed, the customer's
 * again when not. {@code kind} says what it bought: a voucher's number was not charged, its PIN
 * link follows ({@link VoucherReady}). Published in the transaction that booked the ending, so a listener writing to an
 * outbox tells it once.
 */
public record TopUpEnded(
        TopUpId id,
        CustomerId customerId,
        String phoneE164,
        String operator,
        TopUpKind kind,
        long amountMinor,
        String currency,
        BillingEnding ending,
        String code,
        String traceNumber,
        String channel,
        long points,
        long discountMinor) {

    /** Whether the operator charged the number. */
    public boolean completed() {
        return ending.completed();
    }
}
