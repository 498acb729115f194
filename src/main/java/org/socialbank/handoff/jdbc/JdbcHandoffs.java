package org.socialbank.handoff.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.AgentId;
import org.socialbank.handoff.Assignment;
import org.socialbank.handoff.CaseId;
import org.socialbank.handoff.HandoffCase;
import org.socialbank.handoff.HandoffProperties;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The handoff tables (V35, V81, V96, V107, V116): owners, cases, transcript, agents and their sightings, keywords, labels. */
@Repository
public class JdbcHandoffs {

    private static final String CASE_COLUMNS = "id, identity_id, channel, recipient, team, language, priority, reason, "
            + "status, agent_id, queued_at, wait_from, assigned_at, first_response_at, answered_at, answer_due_from, "
            + "snoozed_until, closed_at, csat";

    /** No sighting of agent {@code a} at or after the cutoff (the one parameter). */
    private static final String UNSEEN = "NOT EXISTS (SELECT 1 FROM handoff_agent_sightings s "
            + "WHERE s.agent_id = a.agent_id AND s.seen_at >= ?)";

    private final JdbcClient jdbc;
    private final Duration presenceTimeout;

    JdbcHandoffs(JdbcClient jdbc, HandoffProperties properties) {
        this.jdbc = jdbc;
        this.presenceTimeout = properties.presenceTimeout();
    }

    /** Who owns a chat account's conversation: the open case (none: the bot), and the bot's unsure streak. */
    public record OwnerRow(
            IdentityId identity, Optional<CaseId> openCase, int unsureStreak, Optional<Instant> lastCustomerAt) {}

    // --- owners ----------------------------------------------------------------------------

    public Optional<OwnerRow> lockOwner(IdentityId identity) {
        return jdbc.sql("SELECT identity_id, open_case_id, unsure_streak, last_customer_at FROM handoff_owners "
                        + "WHERE identity_id = ? FOR UPDATE")
                .param(identity.value())
                .query((rs, n) -> owner(rs))
                .optional();
    }

    public Optional<OwnerRow> owner(IdentityId identity) {
        return jdbc.sql("SELECT identity_id, open_case_id, unsure_streak, last_customer_at FROM handoff_owners "
                        + "WHERE identity_id = ?")
                .param(identity.value())
                .query((rs, n) -> owner(rs))
                .optional();
    }

    /** Throws a DuplicateKeyException when another transaction inserted it first. */
    public void insertOwner(IdentityId identity, Instant lastCustomerAt) {
        jdbc.sql("INSERT INTO handoff_owners (identity_id, open_case_id, unsure_streak, last_customer_at) "
                        + "VALUES (?, NULL, 0, ?)")
                .params(identity.value(), utc(lastCustomerAt))
                .update();
    }

    public void setOpenCase(IdentityId identity, CaseId openCase) {
        jdbc.sql("UPDATE handoff_owners SET open_case_id = ?, unsure_streak = 0 WHERE identity_id = ?")
                .params(openCase == null ? null : openCase.value(), identity.value())
                .update();
    }

    public void setUnsureStreak(IdentityId identity, int streak) {
        jdbc.sql("UPDATE handoff_owners SET unsure_streak = ? WHERE identity_id = ?")
                .params(streak, identity.value())
                .update();
    }

    public void customerWrote(IdentityId identity, Instant at) {
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

    // --- cases -----------------------------------------------------------------------------

    public void insertCase(HandoffCase c) {
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
    public void updateCase(HandoffCase c) {
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
    public boolean rate(CaseId id, int csat, Instant at) {
        return jdbc.sql("UPDATE handoff_cases SET csat = ?, rated_at = ? WHERE id = ? AND csat IS NULL")
                        .params(csat, utc(at), id.value())
                        .update()
                == 1;
    }

    /** The case waits for the customer's comment on their rating until {@code until}. */
    public void awaitComment(CaseId id, Instant until) {
        jdbc.sql("UPDATE handoff_cases SET comment_due_until = ? WHERE id = ?")
                .params(utc(until), id.value())
                .update();
    }

    /**
     * The rated case of this chat waiting for a comment now, taken (it waits no more): at most one
     * comment per rating, also when two messages arrive together (the row is taken by one update).
     */
    public Optional<HandoffCase> takeCommentAwaited(IdentityId identity, Instant now) {
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

    public Optional<HandoffCase> find(CaseId id) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM handoff_cases WHERE id = ?")
                .param(id.value())
                .query((rs, n) -> handoffCase(rs))
                .optional();
    }

    /** Open cases (queued, assigned, snoozed) in fair order, at most {@code limit}. */
    public List<HandoffCase> open(int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS
                        + " FROM handoff_cases WHERE status IN ('QUEUED', 'ASSIGNED', 'SNOOZED') "
                        + "ORDER BY priority DESC, queued_at, id LIMIT ?")
                .param(limit)
                .query((rs, n) -> handoffCase(rs))
                .list();
    }

    /** The open cases an agent holds (assigned, or snoozed by them), oldest first, at most {@code limit}. */
    public List<HandoffCase> heldBy(AgentId agent, int limit) {
        return jdbc.sql("SELECT " + CASE_COLUMNS
                        + " FROM handoff_cases WHERE agent_id = ? AND status IN ('ASSIGNED', 'SNOOZED') "
                        + "ORDER BY queued_at, id LIMIT ?")
                .params(agent.value(), limit)
                .query((rs, n) -> handoffCase(rs))
                .list();
    }

    /** Waiting cases in fair order, at most {@code limit}. */
    public List<Assignment.Waiting> waiting(int limit) {
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
    public List<CaseId> waitingBefore(Instant before, int limit) {
        return jdbc.sql("SELECT id FROM handoff_cases WHERE status = 'QUEUED' AND wait_from < ? "
                        + "ORDER BY wait_from, id LIMIT ?")
                .params(utc(before), limit)
                .query((rs, n) -> new CaseId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The chat account's cases, newest first. */
    public List<HandoffCase> casesOf(IdentityId identity, int limit) {
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

    // --- transcript ------------------------------------------------------------------------

    /** One line of a case's transcript. {@code author}: CUSTOMER, AGENT, NOTE, BANK. */
    public record Line(long seq, String author, Optional<AgentId> agent, String body, Instant at) {}

    /** Appends a line; the caller holds the owner's row, so seq is not raced for. */
    public void append(
            CaseId id, String author, AgentId agent, String clientId, String body, UUID outboxId, Instant at) {
        long seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM handoff_transcript WHERE case_id = ?")
                .param(id.value())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO handoff_transcript (id, case_id, seq, author, agent_id, client_id, body, outbox_id, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        id.value(),
                        seq,
                        author,
                        agent == null ? null : agent.value(),
                        clientId,
                        body.length() <= 4096 ? body : body.substring(0, 4096),
                        outboxId,
                        utc(at))
                .update();
    }

    /**
     * The newest {@code limit} lines of a case's transcript, oldest of them first (review
     * 2026-12-07 handoff follow-up: the first lines were read, and past the limit an agent never
     * saw what the customer wrote last).
     */
    public List<Line> transcript(CaseId id, int limit) {
        List<Line> newest = new java.util.ArrayList<>(jdbc.sql(
                        "SELECT seq, author, agent_id, body, created_at FROM handoff_transcript WHERE case_id = ? "
                                + "ORDER BY seq DESC LIMIT ?")
                .params(id.value(), limit)
                .query((rs, n) -> new Line(
                        rs.getLong("seq"),
                        rs.getString("author"),
                        Optional.ofNullable(rs.getString("agent_id")).map(AgentId::new),
                        rs.getString("body"),
                        Timestamps.instant(rs, "created_at")))
                .list());
        java.util.Collections.reverse(newest);
        return newest;
    }

    /** How many lines the case's transcript holds. */
    public long transcriptLines(CaseId id) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_transcript WHERE case_id = ?")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    /**
     * Deletes the case's customer lines older than its newest {@code keep} (a bound on what one
     * case stores: a customer writing without end); the caller holds the owner's row. How many.
     */
    public int keepNewestCustomerLines(CaseId id, int keep) {
        Long oldestKept = jdbc.sql("SELECT MIN(seq) FROM (SELECT seq FROM handoff_transcript WHERE case_id = ? "
                        + "AND author = 'CUSTOMER' ORDER BY seq DESC LIMIT ?) newest")
                .params(id.value(), keep)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (oldestKept == null) {
            return 0;
        }
        return jdbc.sql("DELETE FROM handoff_transcript WHERE case_id = ? AND author = 'CUSTOMER' AND seq < ?")
                .params(id.value(), oldestKept)
                .update();
    }

    /** The outbox row of an agent's reply sent before under this client id. */
    public Optional<UUID> sentByClientId(AgentId agent, String clientId) {
        return jdbc.sql("SELECT outbox_id FROM handoff_transcript WHERE agent_id = ? AND client_id = ?")
                .params(agent.value(), clientId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional();
    }

    /**
     * Erases what customers wrote in the chat account's cases (the rows stay, their bodies read
     * {@code [forgotten]}) and its owner row; the cases' times, agents and ratings stay for reports.
     */
    public void forget(IdentityId identity) {
        jdbc.sql("UPDATE handoff_transcript SET body = '[forgotten]' WHERE author = 'CUSTOMER' AND case_id IN "
                        + "(SELECT id FROM handoff_cases WHERE identity_id = ?)")
                .param(identity.value())
                .update();
        jdbc.sql("UPDATE handoff_cases SET recipient = '' WHERE identity_id = ?")
                .param(identity.value())
                .update();
        jdbc.sql("DELETE FROM handoff_owners WHERE identity_id = ?")
                .param(identity.value())
                .update();
    }

    // --- agents ----------------------------------------------------------------------------

    public void saveAgent(
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

    public void setAvailable(AgentId id, boolean available) {
        jdbc.sql("UPDATE handoff_agents SET available = ? WHERE agent_id = ?")
                .params(available, id.value())
                .update();
    }

    /** Whether the agent chose to take new cases (whether or not the console still sees them); false when unknown. */
    public boolean availableFlag(AgentId id) {
        return jdbc.sql("SELECT available FROM handoff_agents WHERE agent_id = ?")
                .param(id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * The console saw the agent at {@code now}; written only when the last sighting is older than
     * {@code unlessSince} (so a busy console writes about once a minute a person, on any node). In
     * {@code handoff_agent_sightings} (V96), which no janitor or assignment locks: a sighting never
     * waits for the agent's row and is never lost to it.
     */
    public void seen(AgentId id, Instant now, Instant unlessSince) {
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
    public boolean seenUnlessLocked(AgentId id, Instant now, Instant unlessSince) {
        return jdbc.sql("UPDATE handoff_agent_sightings SET seen_at = ? WHERE agent_id IN ("
                                + "SELECT agent_id FROM handoff_agent_sightings WHERE agent_id = ? "
                                + "AND (seen_at IS NULL OR seen_at < ?) FOR UPDATE SKIP LOCKED)")
                        .params(utc(now), id.value(), utc(unlessSince))
                        .update()
                == 1;
    }

    /** Whether the console saw the agent at or after {@code since} (a committed sighting, read now). */
    public boolean seenSince(AgentId id, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_agent_sightings WHERE agent_id = ? AND seen_at >= ?")
                        .params(id.value(), utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Agents available for new cases whom the console has not seen since {@code cutoff}, at most {@code limit}. */
    public List<AgentId> absentSince(Instant cutoff, int limit) {
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
    public List<AgentId> awayWithUnansweredSince(Instant cutoff, int limit) {
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
    public boolean markAwayIfAbsent(AgentId id, Instant cutoff) {
        return jdbc.sql("UPDATE handoff_agents a SET available = FALSE WHERE a.agent_id = ? AND a.available = TRUE "
                                + "AND " + UNSEEN)
                        .params(id.value(), utc(cutoff))
                        .update()
                == 1;
    }

    /** Whether at least one agent belongs to the team (available or not). */
    public boolean teamHasAgents(String team) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_agent_teams WHERE team = ?")
                        .param(team)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Enrolled agents after {@code after} in id order, at most {@code limit} (a page of the reconcile). */
    public List<AgentId> agentIds(String after, int limit) {
        return jdbc.sql("SELECT agent_id FROM handoff_agents WHERE agent_id > ? ORDER BY agent_id LIMIT ?")
                .params(after, limit)
                .query((rs, n) -> new AgentId(rs.getString(1)))
                .list();
    }

    /** Locks the agent's row: assignments to one agent are one after the other (capacity holds). */
    public boolean lockAgent(AgentId id) {
        return jdbc.sql("SELECT agent_id FROM handoff_agents WHERE agent_id = ? FOR UPDATE")
                .param(id.value())
                .query(String.class)
                .optional()
                .isPresent();
    }

    public void assigned(AgentId id, Instant at) {
        jdbc.sql("UPDATE handoff_agents SET last_assigned_at = ? WHERE agent_id = ?")
                .params(utc(at), id.value())
                .update();
    }

    public Optional<String> displayName(AgentId id) {
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
    public List<Assignment.Agent> agents(Instant now) {
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

    // --- keywords and labels ---------------------------------------------------------------

    /** A supervisor's keyword: a text with it goes to this team, with this priority. */
    public record Keyword(String keyword, String team, int priority) {}

    public List<Keyword> keywords(int limit) {
        return jdbc.sql("SELECT keyword, team, priority FROM handoff_keywords ORDER BY keyword LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Keyword(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** The keyword's row, locked until the transaction ends: two supervisors' changes take turns. */
    public Optional<Keyword> lockKeyword(String keyword) {
        return jdbc.sql("SELECT keyword, team, priority FROM handoff_keywords WHERE keyword = ? FOR UPDATE")
                .param(keyword)
                .query((rs, n) -> new Keyword(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    public void saveKeyword(Keyword k, String setBy, Instant at) {
        jdbc.sql("DELETE FROM handoff_keywords WHERE keyword = ?")
                .param(k.keyword())
                .update();
        jdbc.sql("INSERT INTO handoff_keywords (keyword, team, priority, set_by, set_at) VALUES (?, ?, ?, ?, ?)")
                .params(k.keyword(), k.team(), k.priority(), setBy, utc(at))
                .update();
    }

    public boolean removeKeyword(String keyword) {
        return jdbc.sql("DELETE FROM handoff_keywords WHERE keyword = ?")
                        .param(keyword)
                        .update()
                == 1;
    }

    public void label(CaseId id, String label) {
        if (!labels(id).contains(label)) {
            jdbc.sql("INSERT INTO handoff_labels (case_id, label) VALUES (?, ?)")
                    .params(id.value(), label)
                    .update();
        }
    }

    public List<String> labels(CaseId id) {
        return jdbc.sql("SELECT label FROM handoff_labels WHERE case_id = ? ORDER BY label")
                .param(id.value())
                .query(String.class)
                .list();
    }

    /**
     * What the queue lists, as one number: a hash of every open case's id, status, team, agent and
     * priority (at most {@code limit} cases). Any change any node makes changes it.
     */
    public long openFingerprint(int limit) {
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

    // --- conversations the bot has ----------------------------------------------------------

    /** A conversation the bot owns: its chat account, channel, the linked customer's language, last activity. */
    public record BotConversation(
            IdentityId identity, Network channel, Optional<Language> language, boolean linked, Instant lastActiveAt) {}

    /**
     * Conversations active since {@code since} that no case owns (the bot answers them), the most
     * recently active first, at most {@code limit}. Reads the engine's {@code conversations} table.
     */
    public List<BotConversation> botConversations(Instant since, int limit) {
        return jdbc.sql(
                        "SELECT c.identity_id, c.channel, c.customer_id, cu.language, c.updated_at FROM conversations c "
                                + "LEFT JOIN handoff_owners o ON o.identity_id = c.identity_id "
                                + "LEFT JOIN customers cu ON cu.id = c.customer_id "
                                + "WHERE c.updated_at >= ? AND o.open_case_id IS NULL ORDER BY c.updated_at DESC, c.identity_id LIMIT ?")
                .params(utc(since), limit)
                .query((rs, n) -> new BotConversation(
                        new IdentityId(rs.getObject("identity_id", UUID.class)),
                        Network.fromWireName(rs.getString("channel")).orElseThrow(),
                        Optional.ofNullable(rs.getString("language")).flatMap(Language::fromTag),
                        rs.getObject("customer_id") != null,
                        Timestamps.instant(rs, "updated_at")))
                .list();
    }

    // --- ratings ---------------------------------------------------------------------------

    /** Ratings of one agent or team: how many cases were rated and the sum of their ratings. */
    public record Ratings(String who, int rated, int sum) {}

    /** Per agent ({@code byTeam} false) or per team, cases closed since {@code since}. */
    public List<Ratings> ratings(boolean byTeam, Instant since) {
        String column = byTeam ? "team" : "agent_id";
        return jdbc.sql("SELECT " + column + ", COUNT(*), SUM(csat) FROM handoff_cases WHERE csat IS NOT NULL "
                        + "AND closed_at >= ? AND " + column + " IS NOT NULL GROUP BY " + column + " ORDER BY "
                        + column)
                .param(utc(since))
                .query((rs, n) -> new Ratings(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    private static Optional<Instant> optional(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(Timestamps.instant(rs, column));
    }

    private static Language language(String tag) {
        return Language.fromTag(tag).orElse(Language.EN);
    }

    private static Object utc(Instant at) {
        return at == null ? null : Timestamps.utc(at);
    }

    private static Object utc(Optional<Instant> at) {
        return at.map(Timestamps::utc).orElse(null);
    }

    /** An open case's queue and timers, for the dashboard's queue figures. */
    public record OpenTimes(
            String team,
            String language,
            String status,
            Instant queuedAt,
            Instant answerDueFrom,
            Optional<Instant> answeredAt) {}

    /** The open cases' queues and timers, oldest first, at most {@code max}. */
    public List<OpenTimes> openTimes(int max) {
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
    public long openedSince(Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_cases WHERE queued_at >= ?")
                .param(Timestamps.utc(since))
                .query(Long.class)
                .single();
    }
}
