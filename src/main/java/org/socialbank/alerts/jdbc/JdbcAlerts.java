package org.socialbank.alerts.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.alerts.AlertKind;
import org.socialbank.alerts.AlertSettings;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Network;
import org.socialbank.shared.CurrencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code transaction_alerts}, {@code transaction_alert_cursor} and {@code alert_settings}. */
@Repository
public class JdbcAlerts {

    private final JdbcClient jdbc;

    JdbcAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The journal cursor, locked: one follower at a time, on every instance. */
    public long lockCursor() {
        return jdbc.sql("SELECT last_sequence FROM transaction_alert_cursor WHERE id = 1 FOR UPDATE")
                .query(Long.class).single();
    }

    public void moveCursor(long sequence) {
        jdbc.sql("UPDATE transaction_alert_cursor SET last_sequence = ? WHERE id = 1").param(sequence).update();
    }

    public boolean exists(UUID transferId, UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM transaction_alerts WHERE transfer_id = ? AND account_id = ?")
                .params(transferId, accountId).query(Long.class).single() > 0;
    }

    public void insert(AlertRow a, Instant sentAt) {
        jdbc.sql("INSERT INTO transaction_alerts (id, transfer_id, account_id, customer_id, kind, amount_minor, currency, "
                + "balance_after_minor, counterparty, posted_at, status, due_at, sent_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.transferId(), a.accountId(), a.customerId().value(), a.kind().wireName(),
                        a.amountMinor(), a.currency().code(), a.balanceAfterMinor(), a.counterparty(), utc(a.postedAt()),
                        a.status(), utc(a.dueAt()), sentAt == null ? null : utc(sentAt))
                .update();
    }

    /** Held alerts whose quiet hours are over, oldest first. */
    public List<AlertRow> due(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM transaction_alerts WHERE status = 'held' AND due_at <= ? ORDER BY due_at, id LIMIT ?")
                .params(utc(now), limit).query(JdbcAlerts::row).list();
    }

    public void setStatus(UUID id, String status, Instant sentAt) {
        jdbc.sql("UPDATE transaction_alerts SET status = ?, sent_at = ? WHERE id = ?")
                .params(status, sentAt == null ? null : utc(sentAt), id).update();
    }

    public List<AlertRow> ofTransfer(UUID transferId) {
        return jdbc.sql("SELECT * FROM transaction_alerts WHERE transfer_id = ? ORDER BY kind")
                .param(transferId).query(JdbcAlerts::row).list();
    }

    public Optional<AlertSettings> settings(CustomerId customer) {
        return jdbc.sql("SELECT * FROM alert_settings WHERE customer_id = ?").param(customer.value())
                .query(JdbcAlerts::settings).optional();
    }

    public void save(AlertSettings s, Instant at) {
        Object[] values = {s.kinds().contains(AlertKind.INCOMING), s.kinds().contains(AlertKind.OUTGOING),
                s.kinds().contains(AlertKind.FEE), s.minAmountMinor(), time(s.quietFrom()), time(s.quietTo()),
                s.zone().getId(), s.preferredChannel() == null ? null : s.preferredChannel().wireName(), utc(at),
                s.customerId().value()};
        int updated = jdbc.sql("UPDATE alert_settings SET incoming = ?, outgoing = ?, fee = ?, min_amount_minor = ?, "
                + "quiet_from = ?, quiet_to = ?, zone = ?, preferred_channel = ?, updated_at = ? WHERE customer_id = ?")
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO alert_settings (incoming, outgoing, fee, min_amount_minor, quiet_from, quiet_to, zone, "
                    + "preferred_channel, updated_at, customer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values).update();
        }
    }

    private static AlertSettings settings(ResultSet rs, int n) throws SQLException {
        EnumSet<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        if (rs.getBoolean("incoming")) {
            kinds.add(AlertKind.INCOMING);
        }
        if (rs.getBoolean("outgoing")) {
            kinds.add(AlertKind.OUTGOING);
        }
        if (rs.getBoolean("fee")) {
            kinds.add(AlertKind.FEE);
        }
        String from = rs.getString("quiet_from");
        String to = rs.getString("quiet_to");
        String channel = rs.getString("preferred_channel");
        return new AlertSettings(new CustomerId(rs.getObject("customer_id", UUID.class)), kinds,
                rs.getLong("min_amount_minor"), from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to), ZoneId.of(rs.getString("zone")),
                channel == null ? null : Network.fromWireName(channel).orElse(null));
    }

    private static AlertRow row(ResultSet rs, int n) throws SQLException {
        return new AlertRow(rs.getObject("id", UUID.class), rs.getObject("transfer_id", UUID.class),
                rs.getObject("account_id", UUID.class), new CustomerId(rs.getObject("customer_id", UUID.class)),
                AlertKind.fromWireName(rs.getString("kind")).orElseThrow(), rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency")), rs.getLong("balance_after_minor"),
                rs.getString("counterparty"), rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
                rs.getString("status"), rs.getObject("due_at", OffsetDateTime.class).toInstant());
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString().substring(0, 5);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
