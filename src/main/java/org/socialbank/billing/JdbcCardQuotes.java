package org.socialbank.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.cards.CardId;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Card-to-card asked in chat, while the holder is looked up and until Confirm uses it: the card as a vault token. */
@Repository
class JdbcCardQuotes {

    enum Status {
        ASKING,
        READY,
        UNKNOWN_CARD,
        USED
    }

    record Row(
            UUID id,
            CustomerId customer,
            CardId card,
            UUID vaultToken,
            String destinationMasked,
            long amountMinor,
            CurrencyCode currency,
            String channel,
            Status status,
            String bank,
            String holderMasked,
            Instant createdAt) {}

    private static final String COLUMNS = "id, customer_id, card_id, vault_token, destination_masked, amount_minor, "
            + "currency, channel, status, bank, holder_masked, created_at";

    private final JdbcClient jdbc;

    JdbcCardQuotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_card_quotes WHERE id = ?")
                .param(id)
                .query(JdbcCardQuotes::row)
                .optional();
    }

    Optional<Row> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM billing_card_quotes WHERE id = ? FOR UPDATE")
                .param(id)
                .query(JdbcCardQuotes::row)
                .optional();
    }

    void insert(Row r, Instant now) {
        jdbc.sql("INSERT INTO billing_card_quotes (" + COLUMNS
                        + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.customer().value(),
                        r.card().value(),
                        r.vaultToken(),
                        r.destinationMasked(),
                        r.amountMinor(),
                        r.currency().code(),
                        r.channel(),
                        r.status().name(),
                        r.bank(),
                        r.holderMasked(),
                        Timestamps.utc(r.createdAt()),
                        Timestamps.utc(now))
                .update();
    }

    void answer(UUID id, Status status, String bank, String holderMasked, Instant now) {
        jdbc.sql("UPDATE billing_card_quotes SET status = ?, bank = ?, holder_masked = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), bank, holderMasked, Timestamps.utc(now), id)
                .update();
    }

    void use(UUID id, Instant now) {
        jdbc.sql("UPDATE billing_card_quotes SET status = 'USED', updated_at = ? WHERE id = ?")
                .params(Timestamps.utc(now), id)
                .update();
    }

    /** Quotes whose holder is still to be looked up, oldest first. */
    List<UUID> asking(int limit) {
        return jdbc.sql("SELECT id FROM billing_card_quotes WHERE status = 'ASKING' ORDER BY created_at, id LIMIT ?")
                .param(limit)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                new CardId(rs.getObject("card_id", UUID.class)),
                rs.getObject("vault_token", UUID.class),
                rs.getString("destination_masked"),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getString("channel"),
                Status.valueOf(rs.getString("status")),
                rs.getString("bank"),
                rs.getString("holder_masked"),
                Timestamps.instant(rs, "created_at"));
    }
}
