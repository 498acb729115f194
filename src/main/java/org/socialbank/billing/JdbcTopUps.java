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

/** The top-ups table; the row mapping stays beside the SQL. */
@Repository
class JdbcTopUps extends ProviderCallTable<TopUpId, JdbcTopUps.Row> {

    private static final String COLUMNS = "id, customer_id, phone, operator, amount_minor, currency, channel, status, "
            + "code, transfer_id, trace_number, sent_at, created_at, updated_at, kind, challenge_id";

    record Row(
            TopUpId id,
            CustomerId customer,
            String phone,
            String operator,
            long amountMinor,
            CurrencyCode currency,
            String channel,
            BillPaymentStatus status,
            String code,
            UUID transferId,
            String traceNumber,
            Instant sentAt,
            Instant createdAt,
            Instant updatedAt,
            TopUpKind kind,
            UUID challengeId)
            implements StepUpHolds.Held<TopUpId> {

        @Override
        public String payee() {
            return phone;
        }

        /** The top-up with the points that paid a share of it; the step-up page's link while it waits. */
        TopUp view(long points, long discountMinor, String confirmationUrl) {
            return new TopUp(
                    id,
                    customer,
                    phone,
                    operator,
                    amountMinor,
                    currency.code(),
                    status,
                    code,
                    traceNumber,
                    createdAt,
                    updatedAt,
                    kind,
                    points,
                    discountMinor,
                    confirmationUrl);
        }

        /** A top-up as asked at {@code now}, before anything is decided: give it its state by {@link #with}. */
        static Row asked(TopUpRequest request, Operators.Resolved resolved, Instant now) {
            return new Row(
                    request.id(),
                    request.customer(),
                    resolved.phoneE164(),
                    resolved.operator(),
                    request.amountMinor(),
                    request.currency(),
                    request.channel(),
                    BillPaymentStatus.REJECTED,
                    null,
                    null,
                    null,
                    null,
                    now,
                    now,
                    request.kind(),
                    null);
        }

        Row with(
                BillPaymentStatus newStatus,
                String newCode,
                UUID newTransferId,
                Instant newSentAt,
                UUID newChallengeId) {
            return new Row(
                    id,
                    customer,
                    phone,
                    operator,
                    amountMinor,
                    currency,
                    channel,
                    newStatus,
                    newCode,
                    newTransferId,
                    traceNumber,
                    newSentAt,
                    createdAt,
                    updatedAt,
                    kind,
                    newChallengeId);
        }

        /** It ended ({@link TopUpEnded}); {@code points} loyalty points paid {@code discountMinor} of it. */
        TopUpEnded ended(boolean completed, String endCode, String trace, long points, long discountMinor) {
            return end(
                    completed ? BillingEnding.COMPLETED : BillingEnding.FAILED, endCode, trace, points, discountMinor);
        }

        /** Held for the step-up, it ended before any money moved ({@code code} says why). */
        TopUpEnded endedUntaken(BillingEnding ending, String code) {
            return end(ending, code, null, 0, 0);
        }

        private TopUpEnded end(BillingEnding ending, String endCode, String trace, long points, long discountMinor) {
            return new TopUpEnded(
                    id,
                    customer,
                    phone,
                    operator,
                    kind,
                    amountMinor,
                    currency.code(),
                    ending,
                    endCode,
                    trace,
                    channel,
                    points,
                    discountMinor);
        }

        /** Confirmed on the page with too few points left for the share its customer chose (issue 16 s3.7). */
        PointsNotUsed pointsNotUsed() {
            return new PointsNotUsed(
                    id.value(), customer, PointsNotUsed.Kind.TOP_UP, phone, amountMinor, currency.code(), channel);
        }

        boolean sameRequest(TopUpRequest r, String operatorUsed, String phoneE164) {
            return customer.equals(r.customer())
                    && phone.equals(phoneE164)
                    && operator.equals(operatorUsed)
                    && amountMinor == r.amountMinor()
                    && currency.equals(r.currency())
                    && kind == r.kind();
        }
    }

    JdbcTopUps(JdbcClient jdbc) {
        // a top-up accepted in chat is sent once its money is reserved
        super(
                jdbc,
                "billing_topups",
                COLUMNS,
                JdbcTopUps::row,
                TopUpId::value,
                TopUpId::new,
                " AND transfer_id IS NOT NULL");
    }

    void insert(Row r) {
        jdbc.sql("INSERT INTO billing_topups (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id().value(),
                        r.customer().value(),
                        r.phone(),
                        r.operator(),
                        r.amountMinor(),
                        r.currency().code(),
                        r.channel(),
                        r.status().name(),
                        r.code(),
                        r.transferId(),
                        r.traceNumber(),
                        Timestamps.utc(r.sentAt()),
                        Timestamps.utc(r.createdAt()),
                        Timestamps.utc(r.updatedAt()),
                        r.kind().wireName(),
                        r.challengeId())
                .update();
    }

    void update(TopUpId id, BillPaymentStatus status, String code, UUID transferId, String traceNumber, Instant now) {
        jdbc.sql("UPDATE billing_topups SET status = ?, code = ?, transfer_id = ?, trace_number = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(status.name(), code, transferId, traceNumber, Timestamps.utc(now), id.value())
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new TopUpId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("phone"),
                rs.getString("operator"),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getString("channel"),
                BillPaymentStatus.valueOf(rs.getString("status")),
                rs.getString("code"),
                rs.getObject("transfer_id", UUID.class),
                rs.getString("trace_number"),
                Timestamps.instant(rs, "sent_at"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"),
                TopUpKind.fromWire(rs.getString("kind")).orElseThrow(),
                rs.getObject("challenge_id", UUID.class));
    }
}
