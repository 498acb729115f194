package org.socialbank.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code billing_payments_in_doubt} (V79, review 2026-12-07 money #4): which payments the customer
 * was told are still being checked, or were paid by the provider without the money being taken,
 * once per payment and reason; operations list them from here ({@code GET /api/v1/billing/in-doubt}).
 * Written under the payment's row lock ({@link ProviderCalls#book}), so two bookings of one payment
 * never race on it.
 */
@Component
public class PaymentsInDoubt {

    /** The payment's own row, whichever kind's table holds it: amount, currency, when it was sent. */
    private static final String LISTED = "SELECT d.payment_id, d.reason, d.customer_id, d.told_at, "
            + "CASE WHEN b.id IS NOT NULL THEN 'bill_payment' WHEN t.id IS NOT NULL THEN 'top_up' "
            + "WHEN c.id IS NOT NULL THEN 'card_transfer' ELSE 'account_bill' END AS kind, "
            + "COALESCE(b.amount_minor, t.amount_minor, c.amount_minor, a.amount_minor) AS amount_minor, "
            + "COALESCE(b.currency, t.currency, c.currency, a.currency) AS currency, "
            + "COALESCE(b.sent_at, t.sent_at, c.sent_at, a.sent_at) AS sent_at, "
            + "COALESCE(b.status, t.status, c.status, a.status) AS status "
            + "FROM billing_payments_in_doubt d "
            + "LEFT JOIN billing_bill_payments b ON b.id = d.payment_id "
            + "LEFT JOIN billing_topups t ON t.id = d.payment_id "
            + "LEFT JOIN billing_card_transfers c ON c.id = d.payment_id "
            + "LEFT JOIN billing_account_bill_payments a ON a.id = d.payment_id "
            + "ORDER BY d.told_at, d.payment_id, d.reason LIMIT ?";

    /**
     * One payment in doubt as operations see it; no card number, not even masked (the payment's
     * own endpoint shows that).
     *
     * @param kind {@code bill_payment}, {@code top_up}, {@code card_transfer} or {@code account_bill}
     * @param sentAt when its provider was first asked
     * @param recordedAt when it was found in doubt and the customer told
     * @param status the payment's status now: a row stays listed after its payment ended (a
     *     STILL_CHECKING payment since completed or failed says so here)
     */
    public record Listed(
            UUID paymentId,
            String kind,
            PaymentInDoubt.Reason reason,
            long amountMinor,
            String currency,
            CustomerId customerId,
            Instant sentAt,
            Instant recordedAt,
            BillPaymentStatus status) {}

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

    /** Every one recorded (a payment may be listed once per reason), oldest first. */
    public List<Listed> oldestFirst(int limit) {
        return jdbc.sql(LISTED)
                .param(limit)
                .query((rs, n) -> new Listed(
                        rs.getObject("payment_id", UUID.class),
                        rs.getString("kind"),
                        PaymentInDoubt.Reason.valueOf(rs.getString("reason")),
                        rs.getLong("amount_minor"),
                        rs.getString("currency").trim(),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        Timestamps.instant(rs, "sent_at"),
                        Timestamps.instant(rs, "told_at"),
                        BillPaymentStatus.valueOf(rs.getString("status"))))
                .list();
    }
}
