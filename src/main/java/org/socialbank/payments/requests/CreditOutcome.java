package org.socialbank.payments.requests;

/**
 * What became of an incoming interbank credit.
 *
 * @param outcome {@code settled} (booked to the requester; the request is paid), or why it was not
 *     booked and must be returned to its sender by the bank: {@code unknown_reference}, {@code
 *     amount_mismatch}, {@code currency_mismatch}, {@code request_not_open} (paid, declined,
 *     expired or cancelled; also a second, distinct credit for a request already settled), {@code
 *     requester_cannot_receive}, {@code entry_reused} (the feed sent another credit under an entry
 *     id it used before: nothing is booked, the bank looks into its feed)
 * @param requestId the request the reference names; null when none
 */
public record CreditOutcome(String reference, String outcome, RequestId requestId) {

    public static final String SETTLED = "settled";
    public static final String ENTRY_REUSED = "entry_reused";

    public boolean settled() {
        return SETTLED.equals(outcome);
    }
}
