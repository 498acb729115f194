package org.socialbank.assistant.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The votes on the assistant's answers (V44): one row per answer, counted per intent and per the
 * answer text voted on (V121: its hash, null on older votes).
 */
public final class Feedbacks {

    /** The votes on one text of one intent's answer in one language ({@code answerHash} null: before V121). */
    public record Count(String intent, String language, String answerHash, long helpful, long notHelpful) {}

    private final JdbcClient jdbc;

    public Feedbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the answer has a vote already; the caller holds the conversation's lock. */
    public boolean exists(UUID answerId) {
        return jdbc.sql("SELECT COUNT(*) FROM assistant_feedback WHERE answer_id = ?")
                        .param(answerId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(
            UUID answerId,
            String intent,
            String language,
            String answerHash,
            boolean helpful,
            String channel,
            Instant at) {
        jdbc.sql(
                        "INSERT INTO assistant_feedback (answer_id, intent, language, answer_hash, helpful, channel, given_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .param(answerId)
                .param(intent)
                .param(language)
                .param(answerHash)
                .param(helpful)
                .param(channel)
                .param(Timestamps.utc(at))
                .update();
    }

    /**
     * The votes per intent and language ({@code answerHash} null), of one language or of all when
     * {@code language} is null. Not cut (reread 2026-12-08 assistant: a cut after ordering dropped
     * the helpful-only groups first and shrank the totals silently): the groups are bounded by the
     * intents the model knows times the languages, which the votes' rows cannot outgrow.
     */
    public List<Count> byIntent(String language) {
        String where = language == null ? "" : "WHERE language = :language ";
        var sql = jdbc.sql("SELECT intent, language, CAST(NULL AS VARCHAR(64)) AS answer_hash, " + SUMS
                + "FROM assistant_feedback " + where + "GROUP BY intent, language");
        return counts(language == null ? sql : sql.param("language", language));
    }

    /**
     * The votes on the given answer texts per intent, language and text ({@code hashes} the texts
     * shown now: at most one per intent and language, so the groups are bounded as {@link #byIntent}'s).
     */
    public List<Count> onTexts(String language, java.util.Set<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        String where = language == null ? "" : "AND language = :language ";
        var sql = jdbc.sql("SELECT intent, language, answer_hash, " + SUMS
                        + "FROM assistant_feedback WHERE answer_hash IN (:hashes) " + where
                        + "GROUP BY intent, language, answer_hash")
                .param("hashes", List.copyOf(hashes));
        return counts(language == null ? sql : sql.param("language", language));
    }

    private static final String SUMS = "SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS helpful_votes, "
            + "SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS unhelpful_votes ";

    private static List<Count> counts(JdbcClient.StatementSpec sql) {
        return sql.query((rs, n) -> new Count(
                        rs.getString("intent"),
                        rs.getString("language"),
                        rs.getString("answer_hash"),
                        rs.getLong("helpful_votes"),
                        rs.getLong("unhelpful_votes")))
                .list();
    }
}
