package org.socialbank.handoff.jdbc;

import static org.socialbank.handoff.jdbc.HandoffColumns.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.handoff.CaseId;
import org.socialbank.handoff.jdbc.JdbcHandoffs.Keyword;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code handoff_keywords} and {@code handoff_labels}: a supervisor's routing words and a case's
 * labels. Apart because they are small supervisor-owned lists, read and changed on their own.
 */
final class KeywordRows {

    private final JdbcClient jdbc;

    KeywordRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Keyword> keywords(int limit) {
        return jdbc.sql("SELECT keyword, team, priority FROM handoff_keywords ORDER BY keyword LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Keyword(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** The keyword's row, locked until the transaction ends: two supervisors' changes take turns. */
    Optional<Keyword> lockKeyword(String keyword) {
        return jdbc.sql("SELECT keyword, team, priority FROM handoff_keywords WHERE keyword = ? FOR UPDATE")
                .param(keyword)
                .query((rs, n) -> new Keyword(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    void saveKeyword(Keyword k, String setBy, Instant at) {
        jdbc.sql("DELETE FROM handoff_keywords WHERE keyword = ?")
                .param(k.keyword())
                .update();
        jdbc.sql("INSERT INTO handoff_keywords (keyword, team, priority, set_by, set_at) VALUES (?, ?, ?, ?, ?)")
                .params(k.keyword(), k.team(), k.priority(), setBy, utc(at))
                .update();
    }

    boolean removeKeyword(String keyword) {
        return jdbc.sql("DELETE FROM handoff_keywords WHERE keyword = ?")
                        .param(keyword)
                        .update()
                == 1;
    }

    void label(CaseId id, String label) {
        if (!labels(id).contains(label)) {
            jdbc.sql("INSERT INTO handoff_labels (case_id, label) VALUES (?, ?)")
                    .params(id.value(), label)
                    .update();
        }
    }

    List<String> labels(CaseId id) {
        return jdbc.sql("SELECT label FROM handoff_labels WHERE case_id = ? ORDER BY label")
                .param(id.value())
                .query(String.class)
                .list();
    }
}
