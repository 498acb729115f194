package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.language;
import static org.socialbank.handoff.jdbc.HandoffColumns.optional;
import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.AgentId;
import org.socialbank.handoff.Assignment;
import org.socialbank.handoff.CaseId;
import org.socialbank.handoff.HandoffCase;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code handoff_cases}: writing a case, its rating and comment window, and the reads of the queue
 * (open, held, waiting in fair order). Apart because it owns the case's columns and their one row
 * mapper, which every other case read goes through.
 */
final class CaseRows {

    private static final String CASE_COLUMNS = "id, identity_id, channel, recipient, team, language, priority, reason, "
            + "status, agent_id, queued_at, wait_from, assigned_at, first_response_at, answered_at, answer_due_from, "
            + "snoozed_until, closed_at, csat";

    private final JdbcClient jdbc;

    CaseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertCase(HandoffCase c) {
        jdbc.sql("INSERT INTO handoff_cases (" + CASE_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id().value(),
                        c.identity().value(),
                        c.channel().wireName(),
                        c.recipient(),
                        c.team(),
                        c.language().tag(),
                        c.priority(),
                        c.reason().name(),
                        c.status().name(),
                        c.agent().map(AgentId::value).orElse(null),
                        utc(c.queuedAt()),
                        utc(c.waitFrom()),
                        utc(c.assignedAt()),
                        utc(c.firstResponseAt()),
                        utc(c.answeredAt()),
                        utc(c.answerDueFrom()),
                        utc(c.snoozedUntil()),
                        utc(c.closedAt()),
                        c.csat().orElse(null))
                .update();
    }

    /** Writes every changeable column of the case. */
    void updateCase(HandoffCase c) {
        jdbc.sql("UPDATE handoff_cases SET team = ?, priority = ?, status = ?, agent_id = ?, wait_from = ?, "
                        + "assigned_at = ?, first_response_at = ?, answered_at = ?, answer_due_from = ?, "
                        + "snoozed_until = ?, closed_at = ?, csat = ? WHERE id = ?")
                .params(
                        c.team(),
                        c.priority(),
                        c.status().name(),
                        c.agent().map(AgentId::value).orElse(null),
                        utc(c.waitFrom()),
                        utc(c.assignedAt()),
                        utc(c.firstResponseAt()),
                        utc(c.answeredAt()),
                        utc(c.answerDueFrom()),
                        utc(c.snoozedUntil()),
                        utc(c.closedAt()),
                        c.csat().orElse(null),
                        c.id().value())
                .update();
    }

    /** Rates a closed case once; false when it was rated before. */
    boolean rate(CaseId id, int csat, Instant at) {
        return jdbc.sql("UPDATE handoff_cases SET csat = ?, rated_at = ? WHERE id = ? AND csat IS NULL")
                        .params(csat, utc(at), id.value())
                        .update()
                == 1;
    }

    /** The case waits for the customer's comment on their rating until {@code until}. */
    void awaitComment(CaseId id, Instant until) {
        jdbc.sql("UPDATE handoff_cases SET comment_due_until = ? WHERE id = ?")
                .params(utc(until), id.value())
                .update();
    }

    /**
     * The rated case of this chat waiting for a comment now, taken (it waits no more): at most one
     * comment per rating, also when two messages arrive together (the row is taken by one update).
     */
    Optional<HandoffCase> takeCommentAwaited(IdentityId identity, Instant now) {
        Optional<CaseId> due = jdbc.sql("SELECT id FROM handoff_cases WHERE identity_id = ? AND comment_due_until > ? "
                        + "ORDER BY comment_due_until DESC FETCH FIRST 1 ROWS ONLY")
                .params(identity.value(), utc(now))
                .query((rs, n) -> new CaseId(rs.getObject(1, UUID.class)))
                .optional();
        return due.filter(id -> jdbc.sql("UPDATE handoff_cases SET comment_due_until = NULL WHERE id = ? "
                                        + "AND comment_due_until IS NOT NULL")
                                .param(id.value())
                                .update()
                        == 1)
                .flatMap(this::find);
    }

    Optional<HandoffCase> find(CaseId id) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM handoff_cases WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> handoffCase(rs))
                .optional();
    }

    /** Open cases (queued, assigned, snoozed) in fair order, at most {@code limit}. */
    List<HandoffCase> open(int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS
                        + " FROM handoff_cases WHERE status IN ('QUEUED', 'ASSIGNED', 'SNOOZED') "
                        + "ORDER BY priority DESC, queued_at, id LIMIT ?")
                .param(limit)
                .query((rs, n) -> handoffCase(rs))
                .list();
    }

    /** The open cases an agent holds (assigned, or snoozed by them), oldest first, at most {@code limit}. */
    List<HandoffCase> heldBy(AgentId agent, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS
                        + " FROM handoff_cases WHERE agent_id = ? AND status IN ('ASSIGNED', 'SNOOZED') "
                        + "ORDER BY queued_at, id LIMIT ?")
                .params(agent.value(), limit)
                .query((rs, n) -> handoffCase(rs))
                .list();
    }

    /** Waiting cases in fair order, at most {@code limit}. */
    List<Assignment.Waiting> waiting(int limit) {
        return jdbc.sql("SELECT id, team, language, priority, queued_at FROM handoff_cases WHERE status = 'QUEUED' "
                        + "ORDER BY priority DESC, queued_at, id LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Assignment.Waiting(
                        new CaseId(rs.getObject("id", UUID.class)),
                        rs.getString("team"),
                        language(rs.getString("language")),
                        rs.getInt("priority"),
                        Timestamps.instant(rs, "queued_at")))
                .list();
    }

    /**
     * Cases still waiting whose wait began before {@code before} (queued, or back in a queue, then:
     * {@link HandoffCase#waitFrom}), longest waiting first, at most {@code limit}.
     */
    List<CaseId> waitingBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM handoff_cases WHERE status = 'QUEUED' AND wait_from < ? "
                        + "ORDER BY wait_from, id LIMIT ?")
                .params(utc(before), limit)
                .query((rs, n) -> new CaseId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The chat account's cases, newest first. */
    List<HandoffCase> casesOf(IdentityId identity, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM handoff_cases WHERE identity_id = ? ORDER BY queued_at DESC "
                        + "LIMIT ?")
                .params(identity.value(), limit)
                .query((rs, n) -> handoffCase(rs))
                .list();
    }

    private static HandoffCase handoffCase(ResultSet rs) throws SQLException {
        Object csat = rs.getObject("csat");
        return new HandoffCase(
                new CaseId(rs.getObject("id", UUID.class)),
                new IdentityId(rs.getObject("identity_id", UUID.class)),
                Network.fromWireName(rs.getString("channel")).orElseThrow(),
                rs.getString("recipient"),
                rs.getString("team"),
                language(rs.getString("language")),
                rs.getInt("priority"),
                HandoffCase.Reason.valueOf(rs.getString("reason")),
                HandoffCase.Status.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("agent_id")).map(AgentId::new),
                Timestamps.instant(rs, "queued_at"),
                Timestamps.instant(rs, "wait_from"),
                optional(rs, "assigned_at"),
                optional(rs, "first_response_at"),
                optional(rs, "answered_at"),
                Timestamps.instant(rs, "answer_due_from"),
                optional(rs, "snoozed_until"),
                optional(rs, "closed_at"),
                Optional.ofNullable(csat).map(v -> ((Number) v).intValue()));
    }
}
