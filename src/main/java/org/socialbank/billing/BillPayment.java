package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * A bill payment as its customer and the bank's apps see it.
 *
 * @param code why it was rejected or failed, or the risk rule that holds it for the step-up
 *     ({@code above_threshold}, {@code first_after_new_channel}, ...), else null
 * @param traceNumber the biller's reference once paid, else null
 * @param confirmationUrl the step-up page while it awaits confirmation, else null
 * @param points loyalty points that pay {@code discountMinor} of the amount (issue 16 s3.7); 0: none
 */
public record BillPayment(
        BillPaymentId id,
        CustomerId customerId,
        IranianBill bill,
        String serviceType,
        long amountMinor,
        String currency,
        BillPaymentStatus status,
        String code,
        String traceNumber,
        String confirmationUrl,
        Instant createdAt,
        Instant updatedAt,
        long points,
        long discountMinor) {

    /** Without points. */
    public BillPayment(
            BillPaymentId id,
            CustomerId customerId,
            IranianBill bill,
            String serviceType,
            long amountMinor,
            String currency,
            BillPaymentStatus status,
            String code,
            String traceNumber,
            String confirmationUrl,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                customerId,
                bill,
                serviceType,
                amountMinor,
                currency,
                status,
                code,
                traceNumber,
                confirmationUrl,
                createdAt,
                updatedAt,
                0,
                0);
    }
}
