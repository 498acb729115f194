package org.socialbank.sweeping;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Collections asked in chat and the pulls they started, with whether the chat was told. */
@Repository
class JdbcChatCollections {

    /**
     * @param consentId the one consent asked, or null for every consent; @param amountMinor null for all
     * @param createdAt when it was asked: a consent revoked since was asked, one revoked before was not
     */
    record Request(UUID id, CustomerId customerId, ConsentId consentId, Long amountMinor, Instant createdAt) {}

    private static Request request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID consent = rs.getObject(3, UUID.class);
        return new Request(
                rs.getObject(1, UUID.class),
                new CustomerId(rs.getObject(2, UUID.class)),
                consent == null ? null : new ConsentId(consent),
                rs.getObject(4, Long.class),
                Timestamps.instant(rs, 5));
    }

    private final JdbcClient jdbc;

    JdbcChatCollections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM sweeping_chat_requests WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID id, CustomerId customer, Instant now) {
        jdbc.sql("INSERT INTO sweeping_chat_requests (id, customer_id, created_at) VALUES (?, ?, ?)")
                .param(id)
                .param(customer.value())
                .param(Timestamps.utc(now))
                .update();
    }

    void insert(UUID id, CustomerId customer, ConsentId consent, Long amountMinor, Instant now) {
        if (amountMinor == null) {
            jdbc.sql("INSERT INTO sweeping_chat_requests (id, customer_id, consent_id, created_at) VALUES (?, ?, ?, ?)")
                    .params(id, customer.value(), consent.value(), Timestamps.utc(now))
                    .update();
        } else {
            jdbc.sql("INSERT INTO sweeping_chat_requests (id, customer_id, consent_id, amount_minor, created_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(id, customer.value(), consent.value(), amountMinor, Timestamps.utc(now))
                    .update();
        }
    }

    List<Request> waiting(int limit) {
        return jdbc.sql("SELECT id, customer_id, consent_id, amount_minor, created_at FROM sweeping_chat_requests "
                        + "WHERE taken_at IS NULL ORDER BY created_at, id LIMIT " + limit)
                .query(JdbcChatCollections::request)
                .list();
    }

    /** Locks a request still waiting; empty when another worker took it. */
    Optional<Request> lockWaiting(UUID id) {
        return jdbc.sql("SELECT id, customer_id, consent_id, amount_minor, created_at FROM sweeping_chat_requests "
                        + "WHERE id = ? AND taken_at IS NULL FOR UPDATE")
                .param(id)
                .query(JdbcChatCollections::request)
                .optional();
    }

    void take(UUID id, List<PullId> started, CustomerId customer, Instant now) {
        for (PullId pull : started) {
            jdbc.sql("INSERT INTO sweeping_chat_pulls (pull_id, request_id, customer_id) VALUES (?, ?, ?)")
                    .param(pull.value())
                    .param(id)
                    .param(customer.value())
                    .update();
        }
        jdbc.sql("UPDATE sweeping_chat_requests SET taken_at = ? WHERE id = ?")
                .param(Timestamps.utc(now))
                .param(id)
                .update();
    }

    /** Pulls started in chat, not told yet, that have ended (succeeded, failed or refused). */
    List<PullId> untoldEnded(int limit) {
        return jdbc.sql("SELECT c.pull_id FROM sweeping_chat_pulls c JOIN sweeping_pulls p ON p.id = c.pull_id "
                        + "WHERE c.told_at IS NULL AND p.status IN ('SUCCEEDED', 'FAILED', 'REFUSED') ORDER BY p.updated_at, "
                        + "c.pull_id LIMIT " + limit)
                .query((rs, n) -> new PullId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Locks an untold pull's row; empty when it was told meanwhile. */
    boolean lockUntold(PullId id) {
        return jdbc.sql("SELECT pull_id FROM sweeping_chat_pulls WHERE pull_id = ? AND told_at IS NULL FOR UPDATE")
                .param(id.value())
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    void told(PullId id, Instant now) {
        jdbc.sql("UPDATE sweeping_chat_pulls SET told_at = ? WHERE pull_id = ?")
                .param(Timestamps.utc(now))
                .param(id.value())
                .update();
    }
}
