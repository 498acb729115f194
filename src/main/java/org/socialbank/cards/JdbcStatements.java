package org.socialbank.cards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Statements, one per card and statement date (UNIQUE); NEW until fee and interest are booked. */
@Repository
class JdbcStatements {

    static final String COLUMNS = "id, card_id, statement_date, due_date, grace_ends_on, currency, "
            + "previous_balance_minor, purchases_minor, credits_minor, late_fee_minor, interest_minor, balance_minor, "
            + "minimum_payment_minor";

    private final JdbcClient jdbc;

    JdbcStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Statement> find(CardId card, LocalDate statementDate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM card_statements WHERE card_id = ? AND statement_date = ?")
                .params(card.value(), statementDate)
                .query(JdbcStatements::statement)
                .optional();
    }

    /** The card's latest statement dated before {@code before}. */
    Optional<Statement> latestBefore(CardId card, LocalDate before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM card_statements WHERE card_id = ? AND statement_date < ? "
                        + "ORDER BY statement_date DESC LIMIT 1")
                .params(card.value(), before)
                .query(JdbcStatements::statement)
                .optional();
    }

    /** The card's statements, newest first. */
    List<Statement> ofCard(CardId card, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM card_statements WHERE card_id = ? "
                        + "ORDER BY statement_date DESC LIMIT ?")
                .params(card.value(), limit)
                .query(JdbcStatements::statement)
                .list();
    }

    /** Statements whose fee and interest a stopped node did not book yet. */
    List<Statement> unbooked(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM card_statements WHERE status = 'NEW' ORDER BY created_at, id "
                        + "LIMIT ?")
                .param(limit)
                .query(JdbcStatements::statement)
                .list();
    }

    /** Throws DuplicateKeyException when another node wrote the card's statement of that date first. */
    void insert(Statement s, Instant now) {
        jdbc.sql("INSERT INTO card_statements (" + COLUMNS + ", status, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?)")
                .params(
                        s.id(),
                        s.cardId().value(),
                        s.statementDate(),
                        s.dueDate(),
                        s.graceEndsOn(),
                        s.currency().code(),
                        s.previousBalanceMinor(),
                        s.purchasesMinor(),
                        s.creditsMinor(),
                        s.lateFeeMinor(),
                        s.interestMinor(),
                        s.balanceMinor(),
                        s.minimumPaymentMinor(),
                        Timestamps.utc(now))
                .update();
    }

    void markBooked(UUID id) {
        jdbc.sql("UPDATE card_statements SET status = 'BOOKED' WHERE id = ?")
                .param(id)
                .update();
    }

    static Statement statement(ResultSet rs, int n) throws SQLException {
        return new Statement(
                rs.getObject("id", UUID.class),
                new CardId(rs.getObject("card_id", UUID.class)),
                rs.getObject("statement_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("grace_ends_on", LocalDate.class),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getLong("previous_balance_minor"),
                rs.getLong("purchases_minor"),
                rs.getLong("credits_minor"),
                rs.getLong("late_fee_minor"),
                rs.getLong("interest_minor"),
                rs.getLong("balance_minor"),
                rs.getLong("minimum_payment_minor"));
    }
}
