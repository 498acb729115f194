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

    /** The most groups (intent, language, text) one report reads: every version staff could save, and more. */
    public static final int GROUPS_MAX = 20_000;

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
     * The votes per intent, language and answer text, of one language or of all when {@code
     * language} is null; at most {@link #GROUPS_MAX} groups, those voted "not helpful" most first.
     */
    public List<Count> byAnswer(String language) {
        String where = language == null ? "" : "WHERE language = :language ";
        var sql = jdbc.sql(
                        "SELECT intent, language, answer_hash, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS helpful_votes, "
                                + "SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS unhelpful_votes FROM assistant_feedback "
                                + where
                                + "GROUP BY intent, language, answer_hash ORDER BY unhelpful_votes DESC, intent, language LIMIT :limit")
                .param("limit", GROUPS_MAX);
        if (language != null) {
            sql = sql.param("language", language);
        }
        return sql.query((rs, n) -> new Count(
                        rs.getString("intent"),
                        rs.getString("language"),
                        rs.getString("answer_hash"),
                        rs.getLong("helpful_votes"),
                        rs.getLong("unhelpful_votes")))
                .list();
    }
}
