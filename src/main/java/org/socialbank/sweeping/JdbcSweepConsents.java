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

/** The consents table; {@link #lock} is what serializes the pulls of one consent. */
@Repository
class JdbcSweepConsents {

    static final int LIST_MAX = 100;
    private static final String COLUMNS = "id, customer_id, bank, external_account, currency, max_payment_minor, "
            + "max_period_minor, period, expires_at, status, created_at, revoked_at";

    private final JdbcClient jdbc;

    JdbcSweepConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Consent> find(ConsentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sweeping_consents WHERE id = ?")
                .param(id.value())
                .query(JdbcSweepConsents::row)
                .optional();
    }

    Optional<Consent> lock(ConsentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sweeping_consents WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcSweepConsents::row)
                .optional();
    }

    List<Consent> ofCustomer(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sweeping_consents WHERE customer_id = ? ORDER BY created_at, id "
                        + "LIMIT " + LIST_MAX)
                .param(customer.value())
                .query(JdbcSweepConsents::row)
                .list();
    }

    void insert(Consent c) {
        jdbc.sql("INSERT INTO sweeping_consents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id().value(),
                        c.customerId().value(),
                        c.bank(),
                        c.accountRef(),
                        c.currency().code(),
                        c.maxPaymentMinor(),
                        c.maxPeriodMinor(),
                        c.period().name(),
                        Timestamps.utc(c.expiresAt()),
                        c.revoked() ? "REVOKED" : "ACTIVE",
                        Timestamps.utc(c.createdAt()),
                        null)
                .update();
    }

    void revoke(ConsentId id, Instant now) {
        jdbc.sql("UPDATE sweeping_consents SET status = 'REVOKED', revoked_at = ? WHERE id = ? AND status = 'ACTIVE'")
                .params(Timestamps.utc(now), id.value())
                .update();
    }

    private static Consent row(ResultSet rs, int n) throws SQLException {
        return new Consent(
                new ConsentId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("bank"),
                rs.getString("external_account"),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getLong("max_payment_minor"),
                rs.getLong("max_period_minor"),
                LimitPeriod.valueOf(rs.getString("period")),
                Timestamps.instant(rs, "expires_at"),
                "REVOKED".equals(rs.getString("status")),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "revoked_at"));
    }
}
