package org.socialbank.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit of every change of an application's status (staff's, the system's, the customer's)
 * and of staff's retries: rows are only inserted, in the transaction of the
 * decision or retry they describe, so both commit (or roll back) together. PostgreSQL refuses any
 * update, delete or truncate of a row (V108); H2 has no SQL triggers, so there it is by code only.
 */
@Repository
class JdbcStaffActions {

    /** The most rows one read answers. */
    static final int LIST_MAX = 100;

    private final JdbcClient jdbc;

    JdbcStaffActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(StaffAction action) {
        jdbc.sql("INSERT INTO application_staff_actions (acted_at, actor_kind, actor, action, application_id, "
                        + "instalment_no, outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamps.utc(action.at()),
                        action.actorKind().name(),
                        action.actor(),
                        action.action(),
                        action.applicationId().value(),
                        action.instalment(),
                        action.outcome(),
                        action.reason())
                .update();
    }

    /** An application's audited changes and retries, newest first, at most {@code limit} (1..{@value #LIST_MAX}). */
    List<StaffAction> ofApplication(ApplicationId id, int limit) {
        return jdbc.sql("SELECT acted_at, actor_kind, actor, action, application_id, instalment_no, outcome, reason "
                        + "FROM application_staff_actions WHERE application_id = ? ORDER BY seq DESC LIMIT ?")
                .params(id.value(), Math.max(1, Math.min(limit, LIST_MAX)))
                .query(JdbcStaffActions::action)
                .list();
    }

    private static StaffAction action(ResultSet rs, int n) throws SQLException {
        return new StaffAction(
                Timestamps.instant(rs, "acted_at"),
                StaffAction.ActorKind.valueOf(rs.getString("actor_kind")),
                rs.getString("actor"),
                rs.getString("action"),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                rs.getObject("instalment_no", Integer.class),
                rs.getString("outcome"),
                rs.getString("reason"));
    }
}
