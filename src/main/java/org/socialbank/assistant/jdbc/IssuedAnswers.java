package org.socialbank.assistant.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answers the API's classify gave (V120): a vote over the API names one of them, and counts
 * under its intent and language, against the answer text it was issued with (V121). Rows expire;
 * expired ones are deleted a bounded batch at a time, and a caller's oldest beyond its bound as it
 * gets a new one.
 */
public final class IssuedAnswers {

    /** One issued answer, as long as it has not expired. */
    /** @param answerHash the shown text's hash; null on an id issued before V121 */
    public record Issued(UUID answerId, String intent, String language, String answerHash) {}

    private final JdbcClient jdbc;

    public IssuedAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Issued answer, String caller, Instant createdAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO assistant_answers (answer_id, intent, language, answer_hash, caller, created_at, "
                        + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        answer.answerId(),
                        answer.intent(),
                        answer.language(),
                        answer.answerHash(),
                        caller,
                        Timestamps.utc(createdAt),
                        Timestamps.utc(expiresAt))
                .update();
    }

    /**
     * Deletes the caller's answers beyond its newest {@code keep} (at most {@code limit} of them a
     * call); returns how many.
     */
    public int deleteOldestOf(String caller, int keep, int limit) {
        List<UUID> ids = jdbc.sql("SELECT answer_id FROM assistant_answers WHERE caller = ? "
                        + "ORDER BY issued_seq DESC LIMIT ? OFFSET ?")
                .params(caller, limit, keep)
                .query(UUID.class)
                .list();
        return delete(ids);
    }

    /** The answer if it was issued and has not expired at {@code now}. */
    public Optional<Issued> unexpired(UUID answerId, Instant now) {
        return jdbc.sql("SELECT answer_id, intent, language, answer_hash FROM assistant_answers "
                        + "WHERE answer_id = ? AND expires_at > ?")
                .params(answerId, Timestamps.utc(now))
                .query((rs, n) ->
                        new Issued(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Deletes at most {@code limit} answers that expired before {@code before}; returns how many. */
    public int deleteExpiredBefore(Instant before, int limit) {
        List<UUID> ids = jdbc.sql(
                        "SELECT answer_id FROM assistant_answers WHERE expires_at < ? " + "ORDER BY expires_at LIMIT ?")
                .params(Timestamps.utc(before), limit)
                .query(UUID.class)
                .list();
        return delete(ids);
    }

    private int delete(List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM assistant_answers WHERE answer_id IN (:ids)")
                .param("ids", ids)
                .update();
    }
}
