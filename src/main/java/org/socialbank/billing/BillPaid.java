package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/** A bill was paid: the money went to the biller's settlement account and the biller gave a trace number. */
public record BillPaid(BillPaymentId id, CustomerId customerId, String billId, String paymentId, String serviceType,
        long amountMinor, String currency, String traceNumber, String channel) {
}
