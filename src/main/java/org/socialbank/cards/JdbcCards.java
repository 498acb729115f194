package org.socialbank.cards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cards table: the number only masked and as a keyed hash. */
@Repository
class JdbcCards {

    private static final String COLUMNS = "id, customer_id, kind, masked_number, account_id, currency, status, "
            + "limit_minor, statement_day, issued_on, expires_on, dispatched_on";

    private final JdbcClient jdbc;

    JdbcCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Card> find(CardId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cards WHERE id = ?")
                .param(id.value())
                .query(JdbcCards::card)
                .optional();
    }

    /** Locks the card's row: repayments, feed bookings and status changes of one card queue here. */
    Optional<Card> lock(CardId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cards WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcCards::card)
                .optional();
    }

    List<Card> ofCustomer(CustomerId customer, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cards WHERE customer_id = ? ORDER BY created_at, id LIMIT ?")
                .params(customer.value(), limit)
                .query(JdbcCards::card)
                .list();
    }

    void insert(Card card, String numberHash, LocalDate nextStatementOn, Instant now) {
        jdbc.sql("INSERT INTO cards (" + COLUMNS + ", number_hash, next_statement_on, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        card.id().value(),
                        card.customerId().value(),
                        card.kind().name(),
                        card.maskedNumber(),
                        card.accountId().value(),
                        card.currency().code(),
                        card.status().name(),
                        card.limitMinor(),
                        card.credit() ? card.statementDay() : null,
                        card.issuedOn(),
                        card.expiresOn(),
                        card.dispatchedOn(),
                        numberHash,
                        nextStatementOn,
                        Timestamps.utc(now),
                        Timestamps.utc(now))
                .update();
    }

    /** Moves the card from {@code from} to {@code to}; the rows changed, 0 when it was not in {@code from}. */
    int updateStatus(CardId id, CardStatus from, CardStatus to, Instant now) {
        return jdbc.sql("UPDATE cards SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), Timestamps.utc(now), id.value(), from.name())
                .update();
    }

    void updateDispatchedOn(CardId id, LocalDate day, Instant now) {
        jdbc.sql("UPDATE cards SET dispatched_on = ?, updated_at = ? WHERE id = ?")
                .params(day, Timestamps.utc(now), id.value())
                .update();
    }

    /** Credit cards whose next statement date is before {@code today}, the longest waiting first. */
    List<Due> dueForStatement(LocalDate today, int limit) {
        return jdbc.sql("SELECT id, next_statement_on FROM cards WHERE kind = 'CREDIT' AND next_statement_on < ? "
                        + "ORDER BY next_statement_on, id LIMIT ?")
                .params(today, limit)
                .query((rs, n) -> new Due(
                        new CardId(rs.getObject("id", UUID.class)), rs.getObject("next_statement_on", LocalDate.class)))
                .list();
    }

    /** Moves the card to its next cycle unless another node already did (compare and set). */
    void advance(CardId id, LocalDate from, LocalDate to) {
        jdbc.sql("UPDATE cards SET next_statement_on = ? WHERE id = ? AND next_statement_on = ?")
                .params(to, id.value(), from)
                .update();
    }

    record Due(CardId card, LocalDate statementDate) {}

    private static Card card(ResultSet rs, int n) throws SQLException {
        int statementDay = rs.getInt("statement_day");
        boolean noStatementDay = rs.wasNull();
        return new Card(
                new CardId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                CardKind.valueOf(rs.getString("kind")),
                rs.getString("masked_number"),
                new AccountId(rs.getObject("account_id", UUID.class)),
                CurrencyCode.of(rs.getString("currency").trim()),
                CardStatus.valueOf(rs.getString("status")),
                rs.getLong("limit_minor"),
                noStatementDay ? 0 : statementDay,
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class),
                rs.getObject("dispatched_on", LocalDate.class));
    }
}
