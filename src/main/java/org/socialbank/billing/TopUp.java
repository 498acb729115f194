package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * A top-up as its customer and the bank's apps see it; the statuses are those of
 * {@link BillPaymentStatus}. {@code points} (0: none) loyalty points pay {@code discountMinor} of
 * {@code amountMinor} (issue 16 s3.7), the customer the rest.
 */
public record TopUp(
        TopUpId id,
        CustomerId customerId,
        String phoneE164,
        String operator,
        long amountMinor,
        String currency,
        BillPaymentStatus status,
        String code,
        String traceNumber,
        Instant createdAt,
        Instant updatedAt,
        TopUpKind kind,
        long points,
        long discountMinor) {

    /** Without points. */
    public TopUp(
            TopUpId id,
            CustomerId customerId,
            String phoneE164,
            String operator,
            long amountMinor,
            String currency,
            BillPaymentStatus status,
            String code,
            String traceNumber,
            Instant createdAt,
            Instant updatedAt,
            TopUpKind kind) {
        this(
                id,
                customerId,
                phoneE164,
                operator,
                amountMinor,
                currency,
                status,
                code,
                traceNumber,
                createdAt,
                updatedAt,
                kind,
                0,
                0);
    }
}
