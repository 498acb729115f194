package org.socialbank.cards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the feed and the repayments did to cards, by day; the statement job sums cycles here. A
 * booked row is counted by exactly one statement, recorded on the row ({@code statement_date}): the
 * first written after it was booked whose date is on or after its day, so a row the processor
 * delivers late is carried into the next statement.
 */
@Repository
class JdbcCardTransactions {

    static final String REPAYMENT = "REPAYMENT";

    /**
     * A stored transaction: kind is a {@link FeedKind} name or {@code REPAYMENT}; a refund that named
     * its purchase keeps the purchase's ledger transfer ({@code purchaseTransferId}, null on rows
     * booked before it was kept).
     */
    record Row(
            UUID id,
            CardId card,
            String kind,
            long amountMinor,
            CurrencyCode currency,
            LocalDate occurredOn,
            String merchant,
            boolean booked,
            String code,
            UUID transferId,
            UUID purchaseTransferId) {

        boolean sameAs(FeedTransaction t) {
            return card.equals(t.card())
                    && kind.equals(t.kind().name())
                    && amountMinor == t.amountMinor()
                    && currency.equals(t.currency())
                    && occurredOn.equals(t.occurredOn())
                    && java.util.Objects.equals(merchant, t.merchant());
        }
    }

    private final JdbcClient jdbc;

    JdbcCardTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT id, card_id, kind, amount_minor, currency, occurred_on, merchant, status, code, "
                        + "transfer_id, purchase_transfer_id FROM card_transactions WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        new CardId(rs.getObject("card_id", UUID.class)),
                        rs.getString("kind"),
                        rs.getLong("amount_minor"),
                        CurrencyCode.of(rs.getString("currency").trim()),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("merchant"),
                        "BOOKED".equals(rs.getString("status")),
                        rs.getString("code"),
                        rs.getObject("transfer_id", UUID.class),
                        rs.getObject("purchase_transfer_id", UUID.class)))
                .optional();
    }

    void insert(Row r, Instant now) {
        jdbc.sql("INSERT INTO card_transactions (id, card_id, kind, amount_minor, currency, occurred_on, merchant, "
                        + "status, code, transfer_id, purchase_transfer_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.card().value(),
                        r.kind(),
                        r.amountMinor(),
                        r.currency().code(),
                        r.occurredOn(),
                        r.merchant(),
                        r.booked() ? "BOOKED" : "DECLINED",
                        r.code(),
                        r.transferId(),
                        r.purchaseTransferId(),
                        Timestamps.utc(now))
                .update();
    }

    /**
     * The sum of the card's booked transactions of these kinds that no statement counted yet, on
     * days up to {@code until}: what the statement of {@code until} counts. Under the card's row lock.
     */
    long unstated(CardId card, LocalDate until, String... kinds) {
        Object[] params = new Object[kinds.length + 2];
        params[0] = card.value();
        params[1] = until;
        System.arraycopy(kinds, 0, params, 2, kinds.length);
        return jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM card_transactions WHERE card_id = ? "
                        + "AND statement_date IS NULL AND occurred_on <= ? AND status = 'BOOKED' AND kind IN ("
                        + String.join(", ", java.util.Collections.nCopies(kinds.length, "?")) + ")")
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Records that the statement of {@code statementDate} counted the rows {@link #unstated} summed. */
    void markStated(CardId card, LocalDate statementDate) {
        jdbc.sql("UPDATE card_transactions SET statement_date = ? WHERE card_id = ? AND statement_date IS NULL "
                        + "AND occurred_on <= ? AND status = 'BOOKED'")
                .params(statementDate, card.value(), statementDate)
                .update();
    }

    /** The sum of the card's booked transactions of these kinds on days {@code after < day <= until}. */
    long sum(CardId card, LocalDate after, LocalDate until, String... kinds) {
        String in = String.join(", ", java.util.Collections.nCopies(kinds.length, "?"));
        Object[] params = new Object[kinds.length + 3];
        params[0] = card.value();
        params[1] = after;
        params[2] = until;
        System.arraycopy(kinds, 0, params, 3, kinds.length);
        return jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM card_transactions WHERE card_id = ? "
                        + "AND occurred_on > ? AND occurred_on <= ? AND status = 'BOOKED' AND kind IN (" + in + ")")
                .params(params)
                .query(Long.class)
                .single();
    }
}
