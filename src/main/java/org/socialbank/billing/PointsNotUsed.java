package org.socialbank.billing;

import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * Issue 16 s3.7: the customer chose loyalty points on a payment the risk policy held for the
 * step-up, then confirmed it on the bank's page holding too few points to take anything off: it
 * goes on, the whole {@code amountMinor} from their account. Published in the transaction that
 * closed the step-up and reserved the money, so a listener writing to an outbox tells it once.
 *
 * @param paymentId the bill payment's or the top-up's id
 * @param payee what is paid, as the chat names it: the bill's id, or the topped-up number
 */
public record PointsNotUsed(
        UUID paymentId,
        CustomerId customerId,
        Kind kind,
        String payee,
        long amountMinor,
        String currency,
        String channel) {

    /** What kind of payment it is. */
    public enum Kind {
        BILL,
        TOP_UP
    }
}
