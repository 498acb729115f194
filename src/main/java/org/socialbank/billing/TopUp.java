package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * A top-up as its customer and the bank's apps see it; the statuses are those of
 * {@link BillPaymentStatus}. {@code points} (0: none) loyalty points pay {@code discountMinor} of
 * {@code amountMinor} (issue 16 s3.7), the customer the rest.
 *
 * @param code why it was rejected or failed, or the risk rule that holds it for the step-up
 *     ({@code above_threshold}, {@code first_after_new_channel}, ...), else null
 * @param confirmationUrl the step-up page while it awaits confirmation (answered once), else null
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
        long discountMinor,
        String confirmationUrl) {

    /** Without points, not held. */
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
                0,
                null);
    }
}
