package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/** A top-up as its customer and the bank's apps see it; the statuses are those of {@link BillPaymentStatus}. */
public record TopUp(TopUpId id, CustomerId customerId, String phoneE164, String operator, long amountMinor,
        String currency, BillPaymentStatus status, String code, String traceNumber, Instant createdAt,
        Instant updatedAt, TopUpKind kind) {
}
