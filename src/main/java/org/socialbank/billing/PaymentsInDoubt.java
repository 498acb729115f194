package org.socialbank.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code billing_payments_in_doubt} (V79, review 2026-12-07 money #4): which payments the customer
 * was told are still being checked, were paid by the provider without the money being taken, or
 * were charged without the voucher's PIN coming, once per payment and reason; operations list them
 * from here ({@code GET /api/v1/billing/in-doubt}), a page at a time after a cursor, and mark the
 * ones they settled by hand (V112, review 2026-12-07 billing follow-up). Recorded under the
 * payment's row lock ({@link ProviderCalls#book}), so two bookings of one payment never race on it.
 */
@Component
public class PaymentsInDoubt {

    /** The most rows one page lists. */
    public static final int LIMIT_MAX = 500;
    /** The longest note operations may leave when they mark a row settled. */
    public static final int NOTE_LENGTH_MAX = 500;
    /** Why a row cannot be marked settled: there is no such row. */
    public static final String NOT_FOUND = "in_doubt_not_found";
    /** Why a row cannot be marked settled: its payment is still pending or unknown (the janitor's). */
    public static final String STILL_IN_DOUBT = "still_in_doubt";

    private static final Logger log = LoggerFactory.getLogger(PaymentsInDoubt.class);

    /** The payment's own row, whichever kind's table holds it: amount, currency, when it was sent. */
    private static final String LISTED = "SELECT d.payment_id, d.reason, d.customer_id, d.told_at, "
            + "d.settled_at, d.settled_by, d.settled_note, "
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
            + "LEFT JOIN billing_account_bill_payments a ON a.id = d.payment_id ";

    /** Still open: its payment pending or unknown, or a reason operations settle by hand not settled yet. */
    private static final String OPEN = "(COALESCE(b.status, t.status, c.status, a.status) IN ('PENDING', 'UNKNOWN') "
            + "OR (d.reason <> 'STILL_CHECKING' AND d.settled_at IS NULL))";

    /** After the cursor's row, in the list's order (when recorded, then payment id, then reason). */
    private static final String AFTER =
            "(d.told_at > ? OR (d.told_at = ? AND (d.payment_id > ? " + "OR (d.payment_id = ? AND d.reason > ?))))";

    /**
     * One payment in doubt as operations see it; no card number, not even masked (the payment's
     * own endpoint shows that).
     *
     * @param kind {@code bill_payment}, {@code top_up}, {@code card_transfer} or {@code account_bill}
     * @param sentAt when its provider was first asked
     * @param recordedAt when it was found in doubt and the customer told
     * @param status the payment's status now: a row stays listed after its payment ended (a
     *     STILL_CHECKING payment since completed or failed says so here)
     * @param settled who marked it settled by hand, when and why; empty while not
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
            BillPaymentStatus status,
            Optional<Settled> settled) {

        Cursor cursor() {
            return new Cursor(recordedAt, paymentId, reason);
        }
    }

    /** Operations' record that a row was settled by hand: who ({@code by}, the API client), when, why. */
    public record Settled(String by, Instant at, String note) {}

    /** Where a page ends: the next page lists the rows after it. Written {@code recordedAt,paymentId,reason}. */
    public record Cursor(Instant recordedAt, UUID paymentId, PaymentInDoubt.Reason reason) {

        /** The cursor written {@link #text()}, or empty when it is not one. */
        public static Optional<Cursor> parse(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            Optional<UUID> payment = Uuids.parse(parts[1]);
            Optional<PaymentInDoubt.Reason> reason = Arrays.stream(PaymentInDoubt.Reason.values())
                    .filter(r -> r.name().equals(parts[2]))
                    .findFirst();
            try {
                Instant at = Instant.parse(parts[0]);
                return payment.isEmpty() || reason.isEmpty() || !Timestamps.storable(at)
                        ? Optional.empty()
                        : Optional.of(new Cursor(at, payment.get(), reason.get()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        public String text() {
            return recordedAt + "," + paymentId + "," + reason.name();
        }
    }

    /** A page of the list, and the cursor of the next one when this one is full. */
    public record Page(List<Listed> payments, Optional<Cursor> next) {}

    /** What marking a row settled did: {@link Marked} or a {@link Refused} code. */
    public sealed interface Settling permits Marked, Refused {}

    /** Marked (or marked before: {@code replayed}, the first record kept). */
    public record Marked(Listed row, boolean replayed) implements Settling {}

    /** {@link #NOT_FOUND} or {@link #STILL_IN_DOUBT}; nothing changed. */
    public record Refused(String code) implements Settling {}

    private final JdbcClient jdbc;
    private final DurableTransactions writes;
    private final Clock clock;

    PaymentsInDoubt(JdbcClient jdbc, DurableTransactions writes, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
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

    /**
     * Up to {@code limit} rows, oldest first, after the cursor if any; {@code open} only those still
     * open: the payment pending or unknown, or a {@code PAID_NOT_BOOKED}, {@code POSTED_NOT_PAID} or {@code PIN_NOT_GIVEN} row
     * not marked settled.
     */
    public Page page(int limit, boolean open, Optional<Cursor> after) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIMIT_MAX);
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (open) {
            where.add(OPEN);
        }
        after.ifPresent(c -> {
            where.add(AFTER);
            params.addAll(List.of(
                    Timestamps.utc(c.recordedAt()),
                    Timestamps.utc(c.recordedAt()),
                    c.paymentId(),
                    c.paymentId(),
                    c.reason().name()));
        });
        params.add(limit);
        List<Listed> rows = jdbc.sql(LISTED + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where))
                        + " ORDER BY d.told_at, d.payment_id, d.reason LIMIT ?")
                .params(params)
                .query((rs, n) -> listed(rs))
                .list();
        return new Page(
                rows,
                rows.size() == limit ? Optional.of(rows.get(rows.size() - 1).cursor()) : Optional.empty());
    }

    /**
     * Operations settled the payment by hand: the row records who, when and why, once. Refused while
     * the payment is pending or unknown (the janitor still asks its provider); marking it again
     * answers the first record.
     */
    public Settling settle(UUID paymentId, PaymentInDoubt.Reason reason, String by, String note) {
        return writes.write(tx -> {
            Optional<Listed> row = find(paymentId, reason);
            if (row.isEmpty()) {
                return new Refused(NOT_FOUND);
            }
            if (row.get().settled().isPresent()) {
                return new Marked(row.get(), true);
            }
            BillPaymentStatus status = row.get().status();
            if (status == BillPaymentStatus.PENDING || status == BillPaymentStatus.UNKNOWN) {
                return new Refused(STILL_IN_DOUBT);
            }
            Instant now = Microseconds.now(clock);
            int marked = jdbc.sql("UPDATE billing_payments_in_doubt SET settled_at = ?, settled_by = ?, "
                            + "settled_note = ? WHERE payment_id = ? AND reason = ? AND settled_at IS NULL")
                    .params(Timestamps.utc(now), by, note, paymentId, reason.name())
                    .update();
            if (marked == 1) {
                log.info("Payment {} in doubt ({}) marked settled by hand by {}", paymentId, reason, by);
            }
            return new Marked(find(paymentId, reason).orElseThrow(), marked == 0);
        });
    }

    private Optional<Listed> find(UUID paymentId, PaymentInDoubt.Reason reason) {
        return jdbc.sql(LISTED + "WHERE d.payment_id = ? AND d.reason = ?")
                .params(paymentId, reason.name())
                .query((rs, n) -> listed(rs))
                .optional();
    }

    private static Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant settledAt = Timestamps.instant(rs, "settled_at");
        return new Listed(
                rs.getObject("payment_id", UUID.class),
                rs.getString("kind"),
                PaymentInDoubt.Reason.valueOf(rs.getString("reason")),
                rs.getLong("amount_minor"),
                rs.getString("currency").trim(),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                Timestamps.instant(rs, "sent_at"),
                Timestamps.instant(rs, "told_at"),
                BillPaymentStatus.valueOf(rs.getString("status")),
                settledAt == null
                        ? Optional.empty()
                        : Optional.of(
                                new Settled(rs.getString("settled_by"), settledAt, rs.getString("settled_note"))));
    }
}
