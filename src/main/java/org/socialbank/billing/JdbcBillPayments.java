package org.socialbank.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bill payments table; the row mapping stays beside the SQL. */
@Repository
class JdbcBillPayments extends ProviderCallTable<BillPaymentId, JdbcBillPayments.Row> {

    private static final String COLUMNS = "id, customer_id, bill_id, payment_id, amount_minor, currency, channel, "
            + "status, code, transfer_id, trace_number, challenge_id, sent_at, created_at, updated_at";

    /** A row: the payment and what the module needs to carry it on. */
    record Row(
            BillPaymentId id,
            CustomerId customer,
            IranianBill bill,
            long amountMinor,
            CurrencyCode currency,
            String channel,
            BillPaymentStatus status,
            String code,
            UUID transferId,
            String traceNumber,
            UUID challengeId,
            Instant sentAt,
            Instant createdAt,
            Instant updatedAt)
            implements StepUpHolds.Held<BillPaymentId> {

        @Override
        public String payee() {
            return bill.billId();
        }

        BillPayment view(ServiceTypes types, String confirmationUrl) {
            return view(types, confirmationUrl, 0, 0);
        }

        /** The payment with the points that paid a share of it. */
        BillPayment view(ServiceTypes types, String confirmationUrl, long points, long discountMinor) {
            return new BillPayment(
                    id,
                    customer,
                    bill,
                    types.name(bill.serviceDigit()),
                    amountMinor,
                    currency.code(),
                    status,
                    code,
                    traceNumber,
                    confirmationUrl,
                    createdAt,
                    updatedAt,
                    points,
                    discountMinor);
        }

        /** The event that tells the customer this payment ended without paying, and why. */
        BillNotPaid notPaid(String code) {
            return new BillNotPaid(
                    id, customer, bill.billId(), bill.paymentId(), amountMinor, currency.code(), code, channel);
        }

        /** Confirmed on the page with too few points left for the share its customer chose (issue 16 s3.7). */
        PointsNotUsed pointsNotUsed() {
            return new PointsNotUsed(
                    id.value(),
                    customer,
                    PointsNotUsed.Kind.BILL,
                    bill.billId(),
                    amountMinor,
                    currency.code(),
                    channel);
        }

        Row with(BillPaymentStatus status, String code, UUID transferId, UUID challengeId, Instant sentAt) {
            return new Row(
                    id,
                    customer,
                    bill,
                    amountMinor,
                    currency,
                    channel,
                    status,
                    code,
                    transferId,
                    traceNumber,
                    challengeId,
                    sentAt,
                    createdAt,
                    updatedAt);
        }
    }

    JdbcBillPayments(JdbcClient jdbc) {
        super(
                jdbc,
                "billing_bill_payments",
                COLUMNS,
                JdbcBillPayments::row,
                BillPaymentId::value,
                BillPaymentId::new,
                "");
    }

    boolean pairTaken(IranianBill bill) {
        return jdbc.sql("SELECT COUNT(*) FROM billing_bill_payments WHERE pair_key = ?")
                        .param(bill.pairKey())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Inserts the row; a second row holding the same pair fails on the UNIQUE constraint (a lost race). */
    void insert(Row r) {
        jdbc.sql("INSERT INTO billing_bill_payments (id, customer_id, bill_id, payment_id, pair_key, amount_minor, "
                        + "currency, channel, status, code, transfer_id, trace_number, challenge_id, sent_at, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id().value(),
                        r.customer().value(),
                        r.bill().billId(),
                        r.bill().paymentId(),
                        r.status().holdsPair() ? r.bill().pairKey() : null,
                        r.amountMinor(),
                        r.currency().code(),
                        r.channel(),
                        r.status().name(),
                        r.code(),
                        r.transferId(),
                        r.traceNumber(),
                        r.challengeId(),
                        Timestamps.utc(r.sentAt()),
                        Timestamps.utc(r.createdAt()),
                        Timestamps.utc(r.updatedAt()))
                .update();
    }

    /** Moves the payment on; an ended payment that paid nothing frees its pair. */
    void update(
            BillPaymentId id,
            BillPaymentStatus status,
            String code,
            UUID transferId,
            String traceNumber,
            Instant sentAt,
            Instant now) {
        jdbc.sql("UPDATE billing_bill_payments SET status = ?, code = ?, transfer_id = ?, trace_number = ?, "
                        + "sent_at = ?, pair_key = CASE WHEN ? THEN bill_id || ':' || payment_id ELSE NULL END, "
                        + "updated_at = ? WHERE id = ?")
                .params(
                        status.name(),
                        code,
                        transferId,
                        traceNumber,
                        Timestamps.utc(sentAt),
                        status.holdsPair(),
                        Timestamps.utc(now),
                        id.value())
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        IranianBill bill = new IranianBill(rs.getString("bill_id"), rs.getString("payment_id"));
        return new Row(
                new BillPaymentId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                bill,
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getString("channel"),
                BillPaymentStatus.valueOf(rs.getString("status")),
                rs.getString("code"),
                rs.getObject("transfer_id", UUID.class),
                rs.getString("trace_number"),
                rs.getObject("challenge_id", UUID.class),
                Timestamps.instant(rs, "sent_at"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }
}
