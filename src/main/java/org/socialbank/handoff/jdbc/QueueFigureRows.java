package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.optional;
import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.handoff.jdbc.JdbcHandoffs.OpenTimes;
import org.socialbank.handoff.jdbc.JdbcHandoffs.Ratings;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures over the cases for the dashboard, SLA and queue signals: the open queue's fingerprint,
 * ratings per agent or team, open cases' timers, cases opened since. Apart because these are
 * read-only aggregates, bounded and never locking.
 */
final class QueueFigureRows {

    private final JdbcClient jdbc;

    QueueFigureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the queue lists, as one number: a hash of every open case's id, status, team, agent and
     * priority (at most {@code limit} cases). Any change any node makes changes it.
     */
    long openFingerprint(int limit) {
        long[] hash = {1125899906842597L};
        jdbc.sql("SELECT id, status, team, agent_id, priority, snoozed_until FROM handoff_cases "
                        + "WHERE status IN ('QUEUED', 'ASSIGNED', 'SNOOZED') ORDER BY id LIMIT ?")
                .param(limit)
                .query(rs -> {
                    String row = rs.getObject("id", UUID.class) + "|" + rs.getString("status") + "|"
                            + rs.getString("team") + "|" + rs.getString("agent_id") + "|" + rs.getInt("priority")
                            + "|" + Timestamps.instant(rs, "snoozed_until");
                    hash[0] = 31 * hash[0] + row.hashCode();
                });
        return hash[0];
    }

    /** Per agent ({@code byTeam} false) or per team, cases closed since {@code since}. */
    List<Ratings> ratings(boolean byTeam, Instant since) {
        String column = byTeam ? "team" : "agent_id";
        return jdbc.sql("SELECT " + column + ", COUNT(*), SUM(csat) FROM handoff_cases WHERE csat IS NOT NULL "
                        + "AND closed_at >= ? AND " + column + " IS NOT NULL GROUP BY " + column + " ORDER BY "
                        + column)
                .param(utc(since))
                .query((rs, n) -> new Ratings(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /** The open cases' queues and timers, oldest first, at most {@code max}. */
    List<OpenTimes> openTimes(int max) {
        return jdbc.sql("SELECT team, language, status, queued_at, answer_due_from, answered_at FROM handoff_cases "
                        + "WHERE status IN ('QUEUED', 'ASSIGNED', 'SNOOZED') ORDER BY queued_at, id LIMIT ?")
                .param(max)
                .query((rs, n) -> new OpenTimes(
                        rs.getString("team"),
                        rs.getString("language"),
                        rs.getString("status"),
                        Timestamps.instant(rs, "queued_at"),
                        Timestamps.instant(rs, "answer_due_from"),
                        optional(rs, "answered_at")))
                .list();
    }

    /** Cases opened (conversations handed to a person) since then, closed ones included. */
    long openedSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_cases WHERE queued_at >= ?")
                .param(Timestamps.utc(since))
                .query(Long.class)
                .single();
    }
}
