package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A bill payment ended without paying: the biller refused it ({@code biller_refused}), the step-up
 * was not confirmed, or the ledger refused the money. Any reserved money is back.
 */
public record BillNotPaid(
        BillPaymentId id,
        CustomerId customerId,
        String billId,
        String paymentId,
        long amountMinor,
        String currency,
        String code,
        String channel) {}
