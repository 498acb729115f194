package org.socialbank.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the reminder job did about each statement, once per kind (PRIMARY KEY (statement, kind)),
 * and the statements it still has to look at.
 */
@Repository
class JdbcCardReminders {

    enum Kind {
        DUE_SOON,
        AUTO_REPAYMENT,
        OVERDUE
    }

    private static final String NOT_DONE =
            " AND NOT EXISTS (SELECT 1 FROM card_reminders r WHERE r.statement_id = s.id "
                    + "AND r.kind = ?) ORDER BY s.due_date, s.id LIMIT ?";
    private static final String SELECT =
            "SELECT " + JdbcStatements.COLUMNS.replaceAll("(^|, )", "$1s.") + " FROM card_statements s ";

    private final JdbcClient jdbc;

    JdbcCardReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Statements due in {@code today < due <= until} without their due-soon reminder. */
    List<Statement> dueSoon(LocalDate today, LocalDate until, int limit) {
        return jdbc.sql(SELECT + "WHERE s.due_date > ? AND s.due_date <= ?" + NOT_DONE)
                .params(today, until, Kind.DUE_SOON.name(), limit)
                .query(JdbcStatements::statement)
                .list();
    }

    /** Statements due by today, still in their grace, of a card with auto-repayment on, not yet repaid by it. */
    List<Statement> autoRepaymentDue(LocalDate today, int limit) {
        return jdbc.sql(SELECT + "JOIN card_auto_repayments a ON a.card_id = s.card_id AND a.mode <> 'OFF' "
                        + "WHERE s.due_date <= ? AND s.grace_ends_on >= ?" + NOT_DONE)
                .params(today, today, Kind.AUTO_REPAYMENT.name(), limit)
                .query(JdbcStatements::statement)
                .list();
    }

    /** Statements whose grace ended in {@code since <= end < today}, not yet looked at for an overdue reminder. */
    List<Statement> overdue(LocalDate since, LocalDate today, int limit) {
        return jdbc.sql(SELECT + "WHERE s.grace_ends_on >= ? AND s.grace_ends_on < ?" + NOT_DONE)
                .params(since, today, Kind.OVERDUE.name(), limit)
                .query(JdbcStatements::statement)
                .list();
    }

    boolean done(UUID statement, Kind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM card_reminders WHERE statement_id = ? AND kind = ?")
                        .params(statement, kind.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void insert(UUID statement, Kind kind, boolean sent, Instant now) {
        jdbc.sql("INSERT INTO card_reminders (statement_id, kind, sent, created_at) VALUES (?, ?, ?, ?)")
                .params(statement, kind.name(), sent, Timestamps.utc(now))
                .update();
    }

    /** How many reminders of this kind went out about the statement (0 or 1). */
    int sent(UUID statement, Kind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM card_reminders WHERE statement_id = ? AND kind = ? AND sent = TRUE")
                .params(statement, kind.name())
                .query(Integer.class)
                .single();
    }
}
