package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.CaseId;
import org.socialbank.handoff.jdbc.JdbcHandoffs.OwnerRow;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code handoff_owners}: who answers a chat account's conversation (its open case, or the bot) and
 * the bot's unsure streak. Apart from the cases because every inbound message locks this row first:
 * it is the one row that orders a chat's messages, cases and transcript.
 */
final class OwnerRows {

    private final JdbcClient jdbc;

    OwnerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OwnerRow> lockOwner(IdentityId identity) {
        return jdbc.sql("SELECT identity_id, open_case_id, unsure_streak, last_customer_at FROM handoff_owners "
                        + "WHERE identity_id = ? FOR UPDATE")
                .param(identity.value())
                .query((rs, n) -> owner(rs))
                .optional();
    }

    Optional<OwnerRow> owner(IdentityId identity) {
        return jdbc.sql("SELECT identity_id, open_case_id, unsure_streak, last_customer_at FROM handoff_owners "
                        + "WHERE identity_id = ?")
                .param(identity.value())
                .query((rs, n) -> owner(rs))
                .optional();
    }

    /** Throws a DuplicateKeyException when another transaction inserted it first. */
    void insertOwner(IdentityId identity, Instant lastCustomerAt) {
        jdbc.sql("INSERT INTO handoff_owners (identity_id, open_case_id, unsure_streak, last_customer_at) "
                        + "VALUES (?, NULL, 0, ?)")
                .params(identity.value(), utc(lastCustomerAt))
                .update();
    }

    void setOpenCase(IdentityId identity, CaseId openCase) {
        jdbc.sql("UPDATE handoff_owners SET open_case_id = ?, unsure_streak = 0 WHERE identity_id = ?")
                .params(openCase == null ? null : openCase.value(), identity.value())
                .update();
    }

    void setUnsureStreak(IdentityId identity, int streak) {
        jdbc.sql("UPDATE handoff_owners SET unsure_streak = ? WHERE identity_id = ?")
                .params(streak, identity.value())
                .update();
    }

    void customerWrote(IdentityId identity, Instant at) {
        jdbc.sql("UPDATE handoff_owners SET last_customer_at = ? WHERE identity_id = ?")
                .params(utc(at), identity.value())
                .update();
    }

    private static OwnerRow owner(ResultSet rs) throws SQLException {
        UUID open = rs.getObject("open_case_id", UUID.class);
        return new OwnerRow(
                new IdentityId(rs.getObject("identity_id", UUID.class)),
                Optional.ofNullable(open).map(CaseId::new),
                rs.getInt("unsure_streak"),
                Optional.ofNullable(Timestamps.instant(rs, "last_customer_at")));
    }
}
