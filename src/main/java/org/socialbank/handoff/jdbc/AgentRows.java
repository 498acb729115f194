package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.language;
import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialbank.handoff.AgentId;
import org.socialbank.handoff.Assignment;
import org.socialbank.shared.Language;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code handoff_agents} and their teams and languages: the roster a supervisor or the reconcile
 * writes, and the assignment's reads and locks (who can take a case now, their load). Apart from
 * the presence queries because an assignment locks these rows, and a sighting must never wait for
 * them.
 */
final class AgentRows {

    private final JdbcClient jdbc;
    private final Duration presenceTimeout;

    AgentRows(JdbcClient jdbc, Duration presenceTimeout) {
        this.jdbc = jdbc;
        this.presenceTimeout = presenceTimeout;
    }

    void saveAgent(
            AgentId id,
            String displayName,
            int capacity,
            boolean available,
            Set<String> teams,
            Set<Language> languages) {
        int updated = jdbc.sql(
                        "UPDATE handoff_agents SET display_name = ?, capacity = ?, available = ? WHERE agent_id = ?")
                .params(displayName, capacity, available, id.value())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO handoff_agents (agent_id, display_name, capacity, available, last_assigned_at) "
                            + "VALUES (?, ?, ?, ?, NULL)")
                    .params(id.value(), displayName, capacity, available)
                    .update();
            jdbc.sql("INSERT INTO handoff_agent_sightings (agent_id, seen_at) VALUES (?, NULL)")
                    .param(id.value())
                    .update();
        }
        jdbc.sql("DELETE FROM handoff_agent_teams WHERE agent_id = ?")
                .param(id.value())
                .update();
        jdbc.sql("DELETE FROM handoff_agent_languages WHERE agent_id = ?")
                .param(id.value())
                .update();
        teams.forEach(t -> jdbc.sql("INSERT INTO handoff_agent_teams (agent_id, team) VALUES (?, ?)")
                .params(id.value(), t)
                .update());
        languages.forEach(l -> jdbc.sql("INSERT INTO handoff_agent_languages (agent_id, language) VALUES (?, ?)")
                .params(id.value(), l.tag())
                .update());
    }

    void setAvailable(AgentId id, boolean available) {
        jdbc.sql("UPDATE handoff_agents SET available = ? WHERE agent_id = ?")
                .params(available, id.value())
                .update();
    }

    /** Whether the agent chose to take new cases (whether or not the console still sees them); false when unknown. */
    boolean availableFlag(AgentId id) {
        return jdbc.sql("SELECT available FROM handoff_agents WHERE agent_id = ?")
                .param(id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Whether at least one agent belongs to the team (available or not). */
    boolean teamHasAgents(String team) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_agent_teams WHERE team = ?")
                        .param(team)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Enrolled agents after {@code after} in id order, at most {@code limit} (a page of the reconcile). */
    List<AgentId> agentIds(String after, int limit) {
        return jdbc.sql("SELECT agent_id FROM handoff_agents WHERE agent_id > ? ORDER BY agent_id LIMIT ?")
                .params(after, limit)
                .query((rs, n) -> new AgentId(rs.getString(1)))
                .list();
    }

    /** Locks the agent's row: assignments to one agent are one after the other (capacity holds). */
    boolean lockAgent(AgentId id) {
        return jdbc.sql("SELECT agent_id FROM handoff_agents WHERE agent_id = ? FOR UPDATE")
                .param(id.value())
                .query(String.class)
                .optional()
                .isPresent();
    }

    void assigned(AgentId id, Instant at) {
        jdbc.sql("UPDATE handoff_agents SET last_assigned_at = ? WHERE agent_id = ?")
                .params(utc(at), id.value())
                .update();
    }

    Optional<String> displayName(AgentId id) {
        return jdbc.sql("SELECT display_name FROM handoff_agents WHERE agent_id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    /**
     * Every agent with their teams, languages and load (assigned cases, and snoozed ones due again).
     * An agent counts as available only while the console has seen them within the presence timeout:
     * one whose browser closed or whose session ended gets no new case, even before the janitor
     * marks them away.
     */
    List<Assignment.Agent> agents(Instant now) {
        Instant seenSince = now.minus(presenceTimeout);
        Map<String, Set<String>> teams = new HashMap<>();
        jdbc.sql("SELECT agent_id, team FROM handoff_agent_teams")
                .query((rs, n) -> teams.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2)))
                .list();
        Map<String, Set<Language>> languages = new HashMap<>();
        jdbc.sql("SELECT agent_id, language FROM handoff_agent_languages")
                .query((rs, n) -> languages
                        .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(language(rs.getString(2))))
                .list();
        Map<String, Integer> loads = new HashMap<>();
        jdbc.sql("SELECT agent_id, COUNT(*) FROM handoff_cases WHERE status = 'ASSIGNED' "
                        + "OR (status = 'SNOOZED' AND snoozed_until <= ?) GROUP BY agent_id")
                .param(utc(now))
                .query((rs, n) -> loads.put(rs.getString(1), rs.getInt(2)))
                .list();
        return jdbc.sql("SELECT a.agent_id, a.capacity, a.available, a.last_assigned_at, s.seen_at AS last_seen_at "
                        + "FROM handoff_agents a LEFT JOIN handoff_agent_sightings s ON s.agent_id = a.agent_id "
                        + "ORDER BY a.agent_id")
                .query((rs, n) -> {
                    String id = rs.getString("agent_id");
                    Instant seen = Timestamps.instant(rs, "last_seen_at");
                    return new Assignment.Agent(
                            new AgentId(id),
                            teams.getOrDefault(id, Set.of()),
                            languages.getOrDefault(id, Set.of()),
                            rs.getInt("capacity"),
                            loads.getOrDefault(id, 0),
                            rs.getBoolean("available") && seen != null && !seen.isBefore(seenSince),
                            Optional.ofNullable(Timestamps.instant(rs, "last_assigned_at")));
                })
                .list();
    }
}
