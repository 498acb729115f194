package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * A bill payment as its customer and the bank's apps see it.
 *
 * @param code why it was rejected or failed, else null
 * @param traceNumber the biller's reference once paid, else null
 * @param confirmationUrl the step-up page while it awaits confirmation, else null
 */
public record BillPayment(BillPaymentId id, CustomerId customerId, IranianBill bill, String serviceType,
        long amountMinor, String currency, BillPaymentStatus status, String code, String traceNumber,
        String confirmationUrl, Instant createdAt, Instant updatedAt) {
}
