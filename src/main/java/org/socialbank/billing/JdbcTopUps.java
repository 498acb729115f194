package org.socialbank.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The top-ups table; the row mapping stays beside the SQL. */
@Repository
class JdbcTopUps {

    private static final String COLUMNS = "id, customer_id, phone, operator, amount_minor, currency, channel, status, "
            + "code, transfer_id, trace_number, sent_at, created_at, updated_at, kind";

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
            TopUpKind kind) {

        TopUp view() {
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
                    kind);
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

    private final JdbcClient jdbc;

    JdbcTopUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(TopUpId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_topups WHERE id = ?")
                .param(id.value())
                .query(JdbcTopUps::row)
                .optional();
    }

    Optional<Row> lock(TopUpId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_topups WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcTopUps::row)
                .optional();
    }

    void insert(Row r) {
        jdbc.sql("INSERT INTO billing_topups (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
                        utc(r.sentAt()),
                        utc(r.createdAt()),
                        utc(r.updatedAt()),
                        r.kind().wireName())
                .update();
    }

    void update(TopUpId id, BillPaymentStatus status, String code, UUID transferId, String traceNumber, Instant now) {
        jdbc.sql("UPDATE billing_topups SET status = ?, code = ?, transfer_id = ?, trace_number = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(status.name(), code, transferId, traceNumber, utc(now), id.value())
                .update();
    }

    /** Top-ups accepted in a chat message whose money is reserved and that nobody has sent yet, oldest first. */
    List<TopUpId> unsent(int limit) {
        return jdbc.sql("SELECT id FROM billing_topups WHERE status = 'PENDING' AND sent_at IS NULL "
                        + "AND transfer_id IS NOT NULL ORDER BY updated_at, id LIMIT ?")
                .param(limit)
                .query((rs, n) -> new TopUpId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Takes an unsent top-up for sending; false when another worker took it first. */
    boolean claimSend(TopUpId id, Instant now) {
        return jdbc.sql("UPDATE billing_topups SET sent_at = ?, updated_at = ? WHERE id = ? AND status = 'PENDING' "
                                + "AND sent_at IS NULL")
                        .params(utc(now), utc(now), id.value())
                        .update()
                == 1;
    }

    List<TopUpId> inDoubt(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM billing_topups WHERE status IN ('PENDING', 'UNKNOWN') AND sent_at IS NOT NULL "
                        + "AND updated_at < ? ORDER BY updated_at, id LIMIT ?")
                .params(utc(before), limit)
                .query((rs, n) -> new TopUpId(rs.getObject(1, UUID.class)))
                .list();
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
                TopUpKind.fromWire(rs.getString("kind")).orElseThrow());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : Timestamps.utc(instant);
    }
}
