package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.AgentId;
import org.socialbank.handoff.CaseId;
import org.socialbank.handoff.jdbc.JdbcHandoffs.Line;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code handoff_transcript}: a case's lines, the newest read first, the cap on what one case keeps
 * of a customer's writing, an agent reply's idempotency by client id, and forgetting a chat account
 * (its customer lines, recipient and owner row). Apart because it is the only table that holds what
 * people wrote, so its bounds and its erasure stay together.
 */
final class TranscriptRows {

    private final JdbcClient jdbc;

    TranscriptRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a line; the caller holds the owner's row, so seq is not raced for. */
    void append(CaseId id, String author, AgentId agent, String clientId, String body, UUID outboxId, Instant at) {
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
    List<Line> transcript(CaseId id, int limit) {
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
    long transcriptLines(CaseId id) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_transcript WHERE case_id = ?")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    /** How many of the case's lines the customer wrote: the cap counts hers only (found on the reread). */
    long customerLines(CaseId id) {
        return jdbc.sql("SELECT COUNT(*) FROM handoff_transcript WHERE case_id = ? AND author = 'CUSTOMER'")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    /**
     * Deletes the case's customer lines older than its newest {@code keep} (a bound on what one
     * case stores: a customer writing without end); the caller holds the owner's row. How many.
     */
    int keepNewestCustomerLines(CaseId id, int keep) {
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
    Optional<UUID> sentByClientId(AgentId agent, String clientId) {
        return jdbc.sql("SELECT outbox_id FROM handoff_transcript WHERE agent_id = ? AND client_id = ?")
                .params(agent.value(), clientId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional();
    }

    /**
     * Erases what customers wrote in the chat account's cases (the rows stay, their bodies read
     * {@code [forgotten]}) and its owner row; the cases' times, agents and ratings stay for reports.
     */
    void forget(IdentityId identity) {
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
}
