package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.time.Instant;
import java.util.List;
import org.socialbank.handoff.AgentId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code handoff_agent_sightings} (V96) and the away queries built on it: when the console last saw
 * an agent, and whom the janitor may mark away. Apart because sightings are written on every console
 * page and never take the agent's row lock.
 */
final class PresenceRows {

    /** No sighting of agent {@code a} at or after the cutoff (the one parameter). */
    private static final String UNSEEN = "NOT EXISTS (SELECT 1 FROM handoff_agent_sightings s "
            + "WHERE s.agent_id = a.agent_id AND s.seen_at >= ?)";

    private final JdbcClient jdbc;

    PresenceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The console saw the agent at {@code now}; written only when the last sighting is older than
     * {@code unlessSince} (so a busy console writes about once a minute a person, on any node). In
     * {@code handoff_agent_sightings} (V96), which no janitor or assignment locks: a sighting never
     * waits for the agent's row and is never lost to it.
     */
    void seen(AgentId id, Instant now, Instant unlessSince) {
        jdbc.sql("UPDATE handoff_agent_sightings SET seen_at = ? WHERE agent_id = ? "
                        + "AND (seen_at IS NULL OR seen_at < ?)")
                .params(utc(now), id.value(), utc(unlessSince))
                .update();
    }

    /**
     * As {@link #seen}, for a sighting that must not wait at all (the console's presence, on every
     * page): only another sighting of the same person (a second request, choosing to take new
     * cases) holds this row, and that one writes a time as fresh, so a sighting that finds it held
     * is skipped. False when nothing was written. Portable: {@code FOR UPDATE SKIP LOCKED} in a
     * subquery, on H2 and PostgreSQL.
     */
    boolean seenUnlessLocked(AgentId id, Instant now, Instant unlessSince) {
        return jdbc.sql("UPDATE handoff_agent_sightings SET seen_at = ? WHERE agent_id IN ("
                                + "SELECT agent_id FROM handoff_agent_sightings WHERE agent_id = ? "
                                + "AND (seen_at IS NULL OR seen_at < ?) FOR UPDATE SKIP LOCKED)")
                        .params(utc(now), id.value(), utc(unlessSince))
                        .update()
                == 1;
    }

    /** Whether the console saw the agent at or after {@code since} (a committed sighting, read now). */
    boolean seenSince(AgentId id, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_agent_sightings WHERE agent_id = ? AND seen_at >= ?")
                        .params(id.value(), utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Agents available for new cases whom the console has not seen since {@code cutoff}, at most {@code limit}. */
    List<AgentId> absentSince(Instant cutoff, int limit) {
        return jdbc.sql("SELECT a.agent_id FROM handoff_agents a WHERE a.available = TRUE AND " + UNSEEN
                        + " ORDER BY a.agent_id LIMIT ?")
                .params(utc(cutoff), limit)
                .query((rs, n) -> new AgentId(rs.getString(1)))
                .list();
    }

    /**
     * Agents away by their own choice whom the console has not seen since {@code cutoff} and who
     * hold an open case they have not answered (nobody did, or it was answered before it was passed
     * on to them: review 2026-12-07 handoff follow-up), at most {@code limit}. Those whose cases were all
     * answered are not read, so they never crowd out the ones a customer waits for.
     */
    List<AgentId> awayWithUnansweredSince(Instant cutoff, int limit) {
        return jdbc.sql("SELECT a.agent_id FROM handoff_agents a WHERE a.available = FALSE AND " + UNSEEN
                        + " AND EXISTS (SELECT 1 FROM handoff_cases c WHERE c.agent_id = a.agent_id "
                        + "AND c.status IN ('ASSIGNED', 'SNOOZED') AND c.answered_at IS NULL) "
                        + "ORDER BY a.agent_id LIMIT ?")
                .params(utc(cutoff), limit)
                .query((rs, n) -> new AgentId(rs.getString(1)))
                .list();
    }

    /**
     * Marks the agent away if they are still available and still unseen since {@code cutoff}: false
     * when the console saw them meanwhile (a sighting committed before this statement), or another
     * node marked them first.
     */
    boolean markAwayIfAbsent(AgentId id, Instant cutoff) {
        return jdbc.sql("UPDATE handoff_agents a SET available = FALSE WHERE a.agent_id = ? AND a.available = TRUE "
                                + "AND " + UNSEEN)
                        .params(id.value(), utc(cutoff))
                        .update()
                == 1;
    }
}
