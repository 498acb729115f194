package org.socialbank.sweeping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The standing rules table. */
@Repository
class JdbcRules {

    static final int LIST_MAX = 100;
    private static final String COLUMNS = "id, customer_id, consent_id, day_of_month, keep_minor, status, created_at";

    private final JdbcClient jdbc;

    JdbcRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SweepRule> find(RuleId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sweeping_rules WHERE id = ?")
                .param(id.value())
                .query(JdbcRules::row)
                .optional();
    }

    List<SweepRule> ofCustomer(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sweeping_rules WHERE customer_id = ? AND status = 'ACTIVE' "
                        + "ORDER BY created_at, id LIMIT " + LIST_MAX)
                .param(customer.value())
                .query(JdbcRules::row)
                .list();
    }

    /** Active rules after {@code after} in id order, a page at a time. */
    List<SweepRule> active(Optional<RuleId> after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM sweeping_rules WHERE status = 'ACTIVE' AND id > ? ORDER BY id LIMIT ?")
                .params(after.map(RuleId::value).orElse(new UUID(0, 0)), limit)
                .query(JdbcRules::row)
                .list();
    }

    void insert(SweepRule r) {
        jdbc.sql("INSERT INTO sweeping_rules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id().value(),
                        r.customerId().value(),
                        r.consentId().value(),
                        r.dayOfMonth(),
                        r.keepMinor(),
                        r.active() ? "ACTIVE" : "DELETED",
                        Timestamps.utc(r.createdAt()))
                .update();
    }

    int delete(RuleId id) {
        return jdbc.sql("UPDATE sweeping_rules SET status = 'DELETED' WHERE id = ? AND status = 'ACTIVE'")
                .param(id.value())
                .update();
    }

    void deleteOfConsent(ConsentId consent) {
        jdbc.sql("UPDATE sweeping_rules SET status = 'DELETED' WHERE consent_id = ? AND status = 'ACTIVE'")
                .param(consent.value())
                .update();
    }

    private static SweepRule row(ResultSet rs, int n) throws SQLException {
        return new SweepRule(
                new RuleId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                new ConsentId(rs.getObject("consent_id", UUID.class)),
                rs.getInt("day_of_month"),
                rs.getLong("keep_minor"),
                "ACTIVE".equals(rs.getString("status")),
                Timestamps.instant(rs, "created_at"));
    }
}
