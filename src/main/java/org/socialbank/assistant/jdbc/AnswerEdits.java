package org.socialbank.assistant.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The versions of the assistant's answers staff wrote in the console (V62), newest last. */
public final class AnswerEdits {

    /** One version: {@code markdown} null when it put the shipped answer back. */
    public record Row(String intent, String language, int version, String markdown, String staff, Instant at) {}

    private final JdbcClient jdbc;

    public AnswerEdits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of one answer, if staff ever changed it. */
    public Optional<Row> latest(String intent, String language) {
        return jdbc.sql("SELECT intent, language, version, markdown, staff, edited_at FROM assistant_answer_edits "
                        + "WHERE intent = ? AND language = ? ORDER BY version DESC LIMIT 1")
                .param(intent)
                .param(language)
                .query(AnswerEdits::row)
                .optional(); // read on every chat answer: one row, not every version (review 2026-12-07)
    }

    /** Every answer's newest version. */
    public List<Row> latestOfEach() {
        return jdbc.sql("SELECT e.intent, e.language, e.version, e.markdown, e.staff, e.edited_at "
                        + "FROM assistant_answer_edits e WHERE e.version = (SELECT MAX(l.version) FROM assistant_answer_edits l "
                        + "WHERE l.intent = e.intent AND l.language = e.language)")
                .query(AnswerEdits::row)
                .list();
    }

    /** One answer's versions, newest first, at most {@code limit}. */
    public List<Row> history(String intent, String language, int limit) {
        return jdbc.sql("SELECT intent, language, version, markdown, staff, edited_at FROM assistant_answer_edits "
                        + "WHERE intent = ? AND language = ? ORDER BY version DESC LIMIT ?")
                .param(intent)
                .param(language)
                .param(limit)
                .query(AnswerEdits::row)
                .list();
    }

    /** Inserts a version; the primary key refuses a second writer of the same version. */
    public void insert(String intent, String language, int version, String markdown, String staff, Instant at) {
        jdbc.sql("INSERT INTO assistant_answer_edits (intent, language, version, markdown, staff, edited_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .param(intent)
                .param(language)
                .param(version)
                .param(markdown)
                .param(staff)
                .param(Timestamps.utc(at))
                .update();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getString("intent"),
                rs.getString("language"),
                rs.getInt("version"),
                rs.getString("markdown"),
                rs.getString("staff"),
                Timestamps.instant(rs, "edited_at"));
    }
}
