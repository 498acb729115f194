package org.socialbank.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account-number bills (issue 15 s1.13): the questions asked in chat and the payments; row mapping beside the SQL. */
@Repository
class JdbcAccountBills extends ProviderCallTable<UUID, JdbcAccountBills.Payment> {

    private static final String INQUIRY =
            "id, customer_id, biller_id, account, channel, status, amount_minor, currency, "
                    + "due_date, holder_masked, code, updated_at";
    private static final String PAYMENT = "id, inquiry_id, customer_id, biller_id, account, amount_minor, currency, "
            + "channel, status, code, transfer_id, trace_number, sent_at, points, discount_minor, discount_transfer_id";

    /** A question; the answer's fields are null while ASKING, and for NOT_DUE but its code. */
    record Inquiry(
            UUID id,
            CustomerId customer,
            String billerId,
            String account,
            String channel,
            String status,
            Long amountMinor,
            CurrencyCode currency,
            LocalDate dueDate,
            String holderMasked,
            String code,
            Instant updatedAt) {

        static final String ASKING = "ASKING";
        static final String DUE = "DUE";
        static final String NOT_DUE = "NOT_DUE";

        /** The due bill this answer is: one live or paid payment each (review 2026-12-07 billing follow-up). */
        String billKey() {
            return billerId + "|" + account + "|" + dueDate;
        }
    }

    /**
     * A payment of an answered inquiry; {@code amountMinor} is the whole bill, of which points paid
     * {@code discountMinor} ({@code points} held by loyalty, {@code discountTransferId} from the
     * bank's rewards account) and the customer's {@code transferId} the rest. Without points: 0, 0, null.
     */
    record Payment(
            UUID id,
            UUID inquiryId,
            CustomerId customer,
            String billerId,
            String account,
            long amountMinor,
            CurrencyCode currency,
            String channel,
            BillPaymentStatus status,
            String code,
            UUID transferId,
            String traceNumber,
            Instant sentAt,
            long points,
            long discountMinor,
            UUID discountTransferId)
            implements ProviderCallRow<UUID> {

        @Override
        public String payee() {
            return account;
        }
    }

    JdbcAccountBills(JdbcClient jdbc) {
        super(jdbc, "billing_account_bill_payments", PAYMENT, JdbcAccountBills::payment, id -> id, id -> id, "");
    }

    /** Records a question; the same id again records nothing. */
    void ask(UUID id, CustomerId customer, String billerId, String account, String channel, Instant now) {
        jdbc.sql("INSERT INTO billing_account_bill_inquiries (id, customer_id, biller_id, account, channel, status, "
                        + "created_at, updated_at) SELECT ?, ?, ?, ?, ?, 'ASKING', ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM billing_account_bill_inquiries WHERE id = ?)")
                .params(id, customer.value(), billerId, account, channel, Timestamps.utc(now), Timestamps.utc(now), id)
                .update();
    }

    List<Inquiry> asking(int limit) {
        return jdbc.sql("SELECT " + INQUIRY + " FROM billing_account_bill_inquiries WHERE status = 'ASKING' "
                        + "ORDER BY created_at, id LIMIT ?")
                .param(limit)
                .query(JdbcAccountBills::inquiry)
                .list();
    }

    Optional<Inquiry> inquiry(UUID id) {
        return jdbc.sql("SELECT " + INQUIRY + " FROM billing_account_bill_inquiries WHERE id = ?")
                .param(id)
                .query(JdbcAccountBills::inquiry)
                .optional();
    }

    /** Records the biller's answer; false when another worker answered the question first. */
    boolean answer(UUID id, AccountBiller.Inquiry answer, Instant now) {
        if (answer instanceof AccountBiller.Due due) {
            return jdbc.sql(
                                    "UPDATE billing_account_bill_inquiries SET status = 'DUE', amount_minor = ?, currency = ?, "
                                            + "due_date = ?, holder_masked = ?, updated_at = ? WHERE id = ? AND status = 'ASKING'")
                            .params(
                                    due.amountMinor(),
                                    due.currency().code(),
                                    due.dueDate(),
                                    due.holderMasked(),
                                    Timestamps.utc(now),
                                    id)
                            .update()
                    == 1;
        }
        return jdbc.sql("UPDATE billing_account_bill_inquiries SET status = 'NOT_DUE', code = ?, updated_at = ? "
                                + "WHERE id = ? AND status = 'ASKING'")
                        .params(((AccountBiller.NotDue) answer).code(), Timestamps.utc(now), id)
                        .update()
                == 1;
    }

    /** Whether a live or paid payment holds this due bill ({@link Inquiry#billKey()}). */
    boolean billTaken(String billKey) {
        return jdbc.sql("SELECT COUNT(*) FROM billing_account_bill_payments WHERE bill_key = ?")
                        .param(billKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Inserts a payment of the due bill {@code billKey}; a second one of the same inquiry, or a second
     * live one of the same due bill, fails on a UNIQUE constraint (a lost race).
     */
    void insert(Payment p, String billKey, Instant now) {
        jdbc.sql("INSERT INTO billing_account_bill_payments (id, inquiry_id, customer_id, biller_id, account, "
                        + "amount_minor, currency, channel, status, code, transfer_id, trace_number, sent_at, "
                        + "created_at, updated_at, points, discount_minor, discount_transfer_id, bill_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.inquiryId(),
                        p.customer().value(),
                        p.billerId(),
                        p.account(),
                        p.amountMinor(),
                        p.currency().code(),
                        p.channel(),
                        p.status().name(),
                        p.code(),
                        p.transferId(),
                        p.traceNumber(),
                        Timestamps.utc(p.sentAt()),
                        Timestamps.utc(now),
                        Timestamps.utc(now),
                        p.points() == 0 ? null : p.points(),
                        p.discountMinor() == 0 ? null : p.discountMinor(),
                        p.discountTransferId(),
                        p.status().holdsPair() ? billKey : null)
                .update();
    }

    /** Records the points taken off a payment, in the transaction that holds them. */
    void discount(UUID id, long points, long discountMinor, UUID discountTransferId) {
        jdbc.sql("UPDATE billing_account_bill_payments SET points = ?, discount_minor = ?, discount_transfer_id = ? "
                        + "WHERE id = ?")
                .params(points, discountMinor, discountTransferId, id)
                .update();
    }

    /** Moves the payment on; one that ended without paying frees its due bill. */
    void update(UUID id, BillPaymentStatus status, String code, UUID transferId, String traceNumber, Instant now) {
        jdbc.sql("UPDATE billing_account_bill_payments SET status = ?, code = ?, transfer_id = ?, trace_number = ?, "
                        + "bill_key = CASE WHEN ? THEN bill_key ELSE NULL END, updated_at = ? WHERE id = ?")
                .params(status.name(), code, transferId, traceNumber, status.holdsPair(), Timestamps.utc(now), id)
                .update();
    }

    private static Inquiry inquiry(ResultSet rs, int n) throws SQLException {
        long amount = rs.getLong("amount_minor");
        Long amountMinor = rs.wasNull() ? null : amount;
        String currency = rs.getString("currency");
        java.sql.Date due = rs.getDate("due_date");
        return new Inquiry(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("biller_id"),
                rs.getString("account"),
                rs.getString("channel"),
                rs.getString("status"),
                amountMinor,
                currency == null ? null : CurrencyCode.of(currency.trim()),
                due == null ? null : due.toLocalDate(),
                rs.getString("holder_masked"),
                rs.getString("code"),
                Timestamps.instant(rs, "updated_at"));
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("inquiry_id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("biller_id"),
                rs.getString("account"),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getString("channel"),
                BillPaymentStatus.valueOf(rs.getString("status")),
                rs.getString("code"),
                rs.getObject("transfer_id", UUID.class),
                rs.getString("trace_number"),
                Timestamps.instant(rs, "sent_at"),
                rs.getLong("points"),
                rs.getLong("discount_minor"),
                rs.getObject("discount_transfer_id", UUID.class));
    }
}
