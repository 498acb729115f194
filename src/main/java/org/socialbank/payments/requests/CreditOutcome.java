package org.socialbank.payments.requests;

/**
 * What became of an incoming interbank credit.
 *
 * @param outcome {@code settled} (booked to the requester; the request is paid), or why it was not
 *     booked and must be returned to its sender by the bank: {@code unknown_reference}, {@code
 *     amount_mismatch}, {@code currency_mismatch}, {@code request_not_open} (paid, declined,
 *     expired or cancelled; also another credit for a request already settled), {@code
 *     requester_cannot_receive}
 * @param requestId the request the reference names; null when none
 */
public record CreditOutcome(String reference, String outcome, RequestId requestId) {

    public static final String SETTLED = "settled";

    public boolean settled() {
        return SETTLED.equals(outcome);
    }
}
