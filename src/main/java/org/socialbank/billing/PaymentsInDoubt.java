package org.socialbank.billing;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code billing_payments_in_doubt} (V79, review 2026-12-07 money #4): which payments the customer
 * was told are still being checked, or were paid by the provider without the money being taken,
 * once per payment and reason; operations list them from here. Written under the payment's row
 * lock ({@link ProviderCalls#book}), so two bookings of one payment never race on it.
 */
@Component
class PaymentsInDoubt {

    private final JdbcClient jdbc;

    PaymentsInDoubt(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records it; false when it was recorded already (the customer was told). */
    boolean recordOnce(UUID paymentId, PaymentInDoubt.Reason reason, String kind, ProviderCallRow<?> row, Instant now) {
        boolean told = jdbc.sql("SELECT COUNT(*) FROM billing_payments_in_doubt WHERE payment_id = ? AND reason = ?")
                        .params(paymentId, reason.name())
                        .query(Long.class)
                        .single()
                > 0;
        if (told) {
            return false;
        }
        jdbc.sql("INSERT INTO billing_payments_in_doubt (payment_id, reason, kind, customer_id, transfer_id, told_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(paymentId, reason.name(), kind, row.customer().value(), row.transferId(), Timestamps.utc(now))
                .update();
        return true;
    }
}
