package org.socialbank.loyalty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Vouchers ordered with points, by the client's id. */
@Repository
class JdbcVouchers {

    private static final String COLUMNS = "id, customer_id, reward, points, status, voucher_code, reason, created_at";

    private final JdbcClient jdbc;

    JdbcVouchers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Voucher voucher(ResultSet rs, int n) throws SQLException {
        return new Voucher(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("reward"),
                rs.getLong("points"),
                Voucher.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getString("voucher_code"),
                rs.getString("reason"),
                Timestamps.instant(rs, "created_at"));
    }

    Optional<Voucher> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loyalty_vouchers WHERE id = ?")
                .param(id)
                .query(JdbcVouchers::voucher)
                .optional();
    }

    Optional<Voucher> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM loyalty_vouchers WHERE id = ? FOR UPDATE")
                .param(id)
                .query(JdbcVouchers::voucher)
                .optional();
    }

    void insert(Voucher v, Instant now) {
        jdbc.sql("INSERT INTO loyalty_vouchers (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        v.id(),
                        v.customerId().value(),
                        v.reward(),
                        v.points(),
                        v.status().wireName(),
                        v.voucherCode(),
                        v.reason(),
                        Timestamps.utc(v.createdAt()),
                        Timestamps.utc(now))
                .update();
    }

    void settle(UUID id, Voucher.Status status, String voucherCode, String reason, Instant now) {
        jdbc.sql("UPDATE loyalty_vouchers SET status = ?, voucher_code = ?, reason = ?, updated_at = ? WHERE id = ?")
                .params(status.wireName(), voucherCode, reason, Timestamps.utc(now), id)
                .update();
    }

    /** The points the customer's orders still waiting for the partner hold. */
    long pendingPoints(CustomerId customer) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(points), 0) FROM loyalty_vouchers WHERE customer_id = ? AND status = 'pending'")
                .param(customer.value())
                .query(Long.class)
                .single();
    }

    /** Orders still waiting for the partner's answer since before {@code before}, oldest first. */
    List<UUID> pendingSince(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM loyalty_vouchers WHERE status = 'pending' AND updated_at < ? "
                        + "ORDER BY updated_at, id LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }
}
