package org.socialbank.sweeping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pulls table; the row mapping stays beside the SQL. */
@Repository
class JdbcPulls {

    static final int LIST_MAX = 100;
    private static final String COLUMNS =
            "id, consent_id, customer_id, rule_id, amount_minor, requested_minor, currency, "
                    + "status, code, reference, transfer_id, created_at, updated_at";

    /** A pull's row: the view plus what only the module needs (the asked amount, the ledger transfer). */
    record Row(Pull pull, Long requestedMinor, UUID transferId) {}

    private final JdbcClient jdbc;

    JdbcPulls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(PullId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sweeping_pulls WHERE id = ?")
                .param(id.value())
                .query(JdbcPulls::row)
                .optional();
    }

    Optional<Row> lock(PullId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sweeping_pulls WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcPulls::row)
                .optional();
    }

    List<Pull> ofCustomer(CustomerId customer) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM sweeping_pulls WHERE customer_id = ? ORDER BY created_at DESC, id "
                        + "LIMIT " + LIST_MAX)
                .param(customer.value())
                .query(JdbcPulls::row)
                .list()
                .stream()
                .map(Row::pull)
                .toList();
    }

    /** What the consent's pulls that moved or may still move money took in [from, until). */
    long used(ConsentId consent, Instant from, Instant until) {
        return jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM sweeping_pulls WHERE consent_id = ? "
                        + "AND status IN ('PENDING', 'UNKNOWN', 'SUCCEEDED') AND created_at >= ? AND created_at < ?")
                .params(consent.value(), Timestamps.utc(from), Timestamps.utc(until))
                .query(Long.class)
                .single();
    }

    void insert(Row r) {
        Pull p = r.pull();
        jdbc.sql("INSERT INTO sweeping_pulls (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id().value(),
                        p.consentId().value(),
                        p.customerId().value(),
                        p.ruleId().map(RuleId::value).orElse(null),
                        p.amountMinor(),
                        r.requestedMinor(),
                        p.currency().code(),
                        p.status().name(),
                        p.code(),
                        p.reference(),
                        r.transferId(),
                        Timestamps.utc(p.createdAt()),
                        Timestamps.utc(p.updatedAt()))
                .update();
    }

    void update(PullId id, PullStatus status, String code, String reference, Instant now) {
        jdbc.sql("UPDATE sweeping_pulls SET status = ?, code = ?, reference = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), code, reference, Timestamps.utc(now), id.value())
                .update();
    }

    List<PullId> inDoubt(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM sweeping_pulls WHERE status IN ('PENDING', 'UNKNOWN') AND updated_at < ? "
                        + "ORDER BY updated_at, id LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query((rs, n) -> new PullId(rs.getObject(1, UUID.class)))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID rule = rs.getObject("rule_id", UUID.class);
        long requested = rs.getLong("requested_minor");
        Long requestedMinor = rs.wasNull() ? null : requested;
        Pull pull = new Pull(
                new PullId(rs.getObject("id", UUID.class)),
                new ConsentId(rs.getObject("consent_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                Optional.ofNullable(rule).map(RuleId::new),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").trim()),
                PullStatus.valueOf(rs.getString("status")),
                rs.getString("code"),
                rs.getString("reference"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
        return new Row(pull, requestedMinor, rs.getObject("transfer_id", UUID.class));
    }
}
