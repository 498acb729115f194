package org.socialbank.assistant.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The votes on the assistant's answers (V44): one row per answer, counted per intent. */
public final class Feedbacks {

    /** One intent's votes. */
    public record Count(String intent, long helpful, long notHelpful) {}

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

    public void insert(UUID answerId, String intent, String language, boolean helpful, String channel, Instant at) {
        jdbc.sql("INSERT INTO assistant_feedback (answer_id, intent, language, helpful, channel, given_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .param(answerId)
                .param(intent)
                .param(language)
                .param(helpful)
                .param(channel)
                .param(Timestamps.utc(at))
                .update();
    }

    /**
     * The intents with votes, those voted "not helpful" most first (then the least "helpful"),
     * of one language or of all when {@code language} is null.
     */
    public List<Count> byIntent(String language, int limit) {
        String where = language == null ? "" : "WHERE language = :language ";
        var sql = jdbc.sql("SELECT intent, SUM(CASE WHEN helpful THEN 1 ELSE 0 END) AS helpful_votes, "
                        + "SUM(CASE WHEN helpful THEN 0 ELSE 1 END) AS unhelpful_votes FROM assistant_feedback " + where
                        + "GROUP BY intent ORDER BY unhelpful_votes DESC, helpful_votes ASC, intent LIMIT :limit")
                .param("limit", limit);
        if (language != null) {
            sql = sql.param("language", language);
        }
        return sql.query((rs, n) ->
                        new Count(rs.getString("intent"), rs.getLong("helpful_votes"), rs.getLong("unhelpful_votes")))
                .list();
    }
}
