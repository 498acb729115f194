package org.socialbank.alerts.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.alerts.AlertDelivery;
import org.socialbank.alerts.AlertKind;
import org.socialbank.alerts.AlertSettings;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;
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
                .query(Long.class)
                .single();
    }

    public void moveCursor(long sequence) {
        jdbc.sql("UPDATE transaction_alert_cursor SET last_sequence = ? WHERE id = 1")
                .param(sequence)
                .update();
    }

    public boolean exists(UUID transferId, UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM transaction_alerts WHERE transfer_id = ? AND account_id = ?")
                        .params(transferId, accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(AlertRow a, Instant sentAt) {
        insert(a, sentAt, null);
    }

    /** @param digestDay the customer's day the alert waits in, for her daily digest; null for none */
    public void insert(AlertRow a, Instant sentAt, LocalDate digestDay) {
        jdbc.sql(
                        "INSERT INTO transaction_alerts (id, transfer_id, account_id, customer_id, kind, amount_minor, currency, "
                                + "balance_after_minor, counterparty, posted_at, status, due_at, sent_at, digest_day) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.transferId(),
                        a.accountId(),
                        a.customerId().value(),
                        a.kind().wireName(),
                        a.amountMinor(),
                        a.currency().code(),
                        a.balanceAfterMinor(),
                        a.counterparty(),
                        utc(a.postedAt()),
                        a.status(),
                        utc(a.dueAt()),
                        sentAt == null ? null : utc(sentAt),
                        digestDay)
                .update();
    }

    /** A customer's day whose digest is due. */
    public record DigestKey(CustomerId customerId, LocalDate day) {}

    /** (customer, day) pairs with alerts waiting for a digest that is due, the longest waiting first. */
    public List<DigestKey> digestsDue(Instant now, int limit) {
        return jdbc.sql(
                        "SELECT customer_id, digest_day FROM transaction_alerts WHERE status = 'digest' AND due_at <= ? "
                                + "GROUP BY customer_id, digest_day ORDER BY MIN(due_at), customer_id LIMIT ?")
                .params(utc(now), limit)
                .query((rs, n) ->
                        new DigestKey(new CustomerId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /** What a day's digest says for one currency: sums per kind and the balance after the day's last posting. */
    public record DigestTotal(
            CurrencyCode currency,
            int postings,
            long incomingMinor,
            long outgoingMinor,
            long feeMinor,
            long balanceAfterMinor) {}

    /** The most alert rows a digest reads to find each account's last balance of the day. */
    static final int DIGEST_ROWS_MAX = 10_000;

    /**
     * The waiting alerts of a customer's day, summed per currency in SQL; the balance is the sum
     * over her accounts of each one's balance after its last posting of the day.
     */
    public List<DigestTotal> digestTotals(DigestKey key) {
        java.util.Map<String, long[]> sums = new java.util.TreeMap<>();
        jdbc.sql("SELECT currency, kind, COUNT(*), SUM(amount_minor) FROM transaction_alerts WHERE customer_id = ? "
                        + "AND digest_day = ? AND status = 'digest' GROUP BY currency, kind")
                .params(key.customerId().value(), key.day())
                .query((rs, n) -> {
                    long[] s = sums.computeIfAbsent(rs.getString(1), c -> new long[5]);
                    s[0] += rs.getLong(3);
                    s[1 + AlertKind.fromWireName(rs.getString(2)).orElseThrow().ordinal()] += rs.getLong(4);
                    return null;
                })
                .list();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        jdbc.sql("SELECT account_id, currency, balance_after_minor FROM transaction_alerts WHERE customer_id = ? "
                        + "AND digest_day = ? AND status = 'digest' ORDER BY posted_at DESC, id LIMIT ?")
                .params(key.customerId().value(), key.day(), DIGEST_ROWS_MAX)
                .query((rs, n) -> {
                    if (seen.add(rs.getObject(1, UUID.class))) { // the account's last posting of the day
                        sums.computeIfAbsent(rs.getString(2), c -> new long[5])[4] += rs.getLong(3);
                    }
                    return null;
                })
                .list();
        return sums.entrySet().stream()
                .map(e -> new DigestTotal(
                        CurrencyCode.of(e.getKey()),
                        (int) e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4]))
                .toList();
    }

    public boolean digestRecorded(CustomerId customer, LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM alert_digests WHERE customer_id = ? AND digest_day = ?")
                        .params(customer.value(), day)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Records the day's digest and marks its alerts digested, in the caller's transaction: the
     * primary key refuses a second digest of the day, whatever node tries.
     */
    public void recordDigest(DigestKey key, UUID id, String status, int postings, Instant at) {
        jdbc.sql(
                        "INSERT INTO alert_digests (customer_id, digest_day, id, status, postings, sent_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(key.customerId().value(), key.day(), id, status, postings, utc(at))
                .update();
        jdbc.sql(
                        "UPDATE transaction_alerts SET status = 'digested', sent_at = ? WHERE customer_id = ? AND digest_day = ? "
                                + "AND status = 'digest'")
                .params(utc(at), key.customerId().value(), key.day())
                .update();
    }

    /** One chat an alert was written to (issue 17, 1.8): the outbox row's id finds it when the platform refuses. */
    public record Attempt(UUID messageId, UUID alertId, UUID identityId, Network channel, String status) {}

    public void insertAttempt(UUID messageId, UUID alertId, UUID identityId, Network channel, Instant at) {
        jdbc.sql("INSERT INTO alert_attempts (message_id, alert_id, identity_id, channel, status, created_at) "
                        + "VALUES (?, ?, ?, ?, 'sent', ?)")
                .params(messageId, alertId, identityId, channel.wireName(), utc(at))
                .update();
    }

    public Optional<Attempt> attempt(UUID messageId) {
        return jdbc.sql(
                        "SELECT message_id, alert_id, identity_id, channel, status FROM alert_attempts WHERE message_id = ?")
                .param(messageId)
                .query((rs, n) -> new Attempt(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        Network.fromWireName(rs.getString(4)).orElseThrow(),
                        rs.getString(5)))
                .optional();
    }

    /** Marks the attempt refused, once: false when it was already (a second report of the same refusal). */
    public boolean refuseAttempt(UUID messageId, String reason) {
        return jdbc.sql(
                                "UPDATE alert_attempts SET status = 'refused', reason = ? WHERE message_id = ? AND status = 'sent'")
                        .params(
                                reason == null ? null : reason.length() > 256 ? reason.substring(0, 256) : reason,
                                messageId)
                        .update()
                == 1;
    }

    /** The chats an alert was written to, in order. */
    public List<Attempt> attempts(UUID alertId) {
        return jdbc.sql(
                        "SELECT message_id, alert_id, identity_id, channel, status FROM alert_attempts WHERE alert_id = ? "
                                + "ORDER BY created_at, message_id")
                .param(alertId)
                .query((rs, n) -> new Attempt(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        Network.fromWireName(rs.getString(4)).orElseThrow(),
                        rs.getString(5)))
                .list();
    }

    public Optional<AlertRow> alert(UUID id) {
        return jdbc.sql("SELECT * FROM transaction_alerts WHERE id = ?")
                .param(id)
                .query(JdbcAlerts::row)
                .optional();
    }

    /** Held alerts whose quiet hours are over, oldest first. */
    public List<AlertRow> due(Instant now, int limit) {
        return jdbc.sql(
                        "SELECT * FROM transaction_alerts WHERE status = 'held' AND due_at <= ? ORDER BY due_at, id LIMIT ?")
                .params(utc(now), limit)
                .query(JdbcAlerts::row)
                .list();
    }

    public void setStatus(UUID id, String status, Instant sentAt) {
        jdbc.sql("UPDATE transaction_alerts SET status = ?, sent_at = ? WHERE id = ?")
                .params(status, sentAt == null ? null : utc(sentAt), id)
                .update();
    }

    public List<AlertRow> ofTransfer(UUID transferId) {
        return jdbc.sql("SELECT * FROM transaction_alerts WHERE transfer_id = ? ORDER BY kind")
                .param(transferId)
                .query(JdbcAlerts::row)
                .list();
    }

    public Optional<AlertSettings> settings(CustomerId customer) {
        return jdbc.sql("SELECT * FROM alert_settings WHERE customer_id = ?")
                .param(customer.value())
                .query(JdbcAlerts::settings)
                .optional();
    }

    public void save(AlertSettings s, Instant at) {
        Object[] values = {
            s.kinds().contains(AlertKind.INCOMING),
            s.kinds().contains(AlertKind.OUTGOING),
            s.kinds().contains(AlertKind.FEE),
            s.minAmountMinor(),
            time(s.quietFrom()),
            time(s.quietTo()),
            s.zone().getId(),
            s.preferredChannel() == null ? null : s.preferredChannel().wireName(),
            s.delivery().wireName(),
            chatOrder(s.chatOrder()),
            utc(at),
            s.customerId().value()
        };
        int updated = jdbc.sql("UPDATE alert_settings SET incoming = ?, outgoing = ?, fee = ?, min_amount_minor = ?, "
                        + "quiet_from = ?, quiet_to = ?, zone = ?, preferred_channel = ?, delivery = ?, chat_order = ?, "
                        + "updated_at = ? WHERE customer_id = ?")
                .params(values)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO alert_settings (incoming, outgoing, fee, min_amount_minor, quiet_from, quiet_to, zone, "
                                    + "preferred_channel, delivery, chat_order, updated_at, customer_id) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values)
                    .update();
        }
    }

    /** Keeps a settings page's link (its token's hash) until it expires; drops a few expired ones. */
    public void insertLink(String tokenHash, CustomerId customer, Instant at, Instant expires) {
        List<String> expired = jdbc.sql("SELECT token_hash FROM alert_settings_links WHERE expires_at < ? "
                        + "ORDER BY expires_at LIMIT 100")
                .param(utc(at))
                .query(String.class)
                .list();
        expired.forEach(h -> jdbc.sql("DELETE FROM alert_settings_links WHERE token_hash = ?")
                .param(h)
                .update());
        jdbc.sql(
                        "INSERT INTO alert_settings_links (token_hash, customer_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, customer.value(), utc(at), utc(expires))
                .update();
    }

    /** The customer a settings page's link opens, while it has not expired. */
    public Optional<CustomerId> linkCustomer(String tokenHash, Instant now) {
        return jdbc.sql("SELECT customer_id FROM alert_settings_links WHERE token_hash = ? AND expires_at > ?")
                .params(tokenHash, utc(now))
                .query(UUID.class)
                .optional()
                .map(CustomerId::new);
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
        return new AlertSettings(
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                kinds,
                rs.getLong("min_amount_minor"),
                from == null ? null : LocalTime.parse(from),
                to == null ? null : LocalTime.parse(to),
                ZoneId.of(rs.getString("zone")),
                channel == null ? null : Network.fromWireName(channel).orElse(null),
                AlertDelivery.fromWireName(rs.getString("delivery")).orElse(AlertDelivery.INSTANT),
                chatOrder(rs.getString("chat_order")));
    }

    /** "telegram,wechat" in the table; a name no longer known is skipped. */
    private static List<Network> chatOrder(String names) {
        return names == null || names.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(names.split(","))
                        .flatMap(n -> Network.fromWireName(n).stream())
                        .toList();
    }

    private static String chatOrder(List<Network> order) {
        return order.isEmpty()
                ? null
                : String.join(",", order.stream().map(Network::wireName).toList());
    }

    private static AlertRow row(ResultSet rs, int n) throws SQLException {
        return new AlertRow(
                rs.getObject("id", UUID.class),
                rs.getObject("transfer_id", UUID.class),
                rs.getObject("account_id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                AlertKind.fromWireName(rs.getString("kind")).orElseThrow(),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency")),
                rs.getLong("balance_after_minor"),
                rs.getString("counterparty"),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant(),
                rs.getString("status"),
                rs.getObject("due_at", OffsetDateTime.class).toInstant());
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString().substring(0, 5);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
