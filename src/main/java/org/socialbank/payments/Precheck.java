package org.socialbank.payments;

import java.time.Instant;

/**
 * What a payment would meet if it were asked for now, found without writing anything: the chats
 * ask before they show a Confirm button or send a code, so that a payment that cannot go is
 * refused at once, with its reason and what is possible (issue 13). The payment itself checks
 * everything again when it is made: this answer is advice, not a reservation.
 */
public sealed interface Precheck {

    /** Nothing known now stands in the way (the payment may still be held for the bank's page). */
    record Clear() implements Precheck {}

    /**
     * The payment would be refused with {@code rejection}.
     *
     * @param limitMinor the limit that would be exceeded, for the limit codes; else null
     * @param resetsAt when that limit resets, for the daily and monthly limits; else null
     * @param availableMinor what the payer can spend now in the currency, for {@code
     *     insufficient_funds}; else null
     */
    record Refused(PaymentRejection rejection, Long limitMinor, Instant resetsAt, Long availableMinor)
            implements Precheck {}
}
