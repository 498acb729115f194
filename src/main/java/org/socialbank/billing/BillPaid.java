package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A bill was paid: the money went to the biller's settlement account and the biller gave a trace
 * number. {@code points} (0: none) loyalty points paid {@code discountMinor} of {@code amountMinor}
 * (issue 16 s3.7); the customer paid the rest.
 */
public record BillPaid(
        BillPaymentId id,
        CustomerId customerId,
        String billId,
        String paymentId,
        String serviceType,
        long amountMinor,
        String currency,
        String traceNumber,
        String channel,
        long points,
        long discountMinor) {

    /** Paid without points. */
    public BillPaid(
            BillPaymentId id,
            CustomerId customerId,
            String billId,
            String paymentId,
            String serviceType,
            long amountMinor,
            String currency,
            String traceNumber,
            String channel) {
        this(id, customerId, billId, paymentId, serviceType, amountMinor, currency, traceNumber, channel, 0, 0);
    }
}
