package org.socialbank.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.socialbank.cards.CardId;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The card transfers table: the destination only masked, as a keyed hash and as a token of the
 * {@link CardVault}, never whole.
 */
@Repository
class JdbcCardTransfers extends ProviderCallTable<CardTransferId, JdbcCardTransfers.Row> {

    private static final String COLUMNS = "id, customer_id, destination_masked, destination_hash, bank, holder_masked, "
            + "amount_minor, currency, channel, status, code, transfer_id, trace_number, sent_at, created_at, updated_at, "
            + "card_id, source_masked, vault_token, challenge_id";

    record Row(
            CardTransferId id,
            CustomerId customer,
            String destinationMasked,
            String destinationHash,
            String bank,
            String holderMasked,
            long amountMinor,
            CurrencyCode currency,
            String channel,
            BillPaymentStatus status,
            String code,
            UUID transferId,
            String traceNumber,
            Instant sentAt,
            Instant createdAt,
            Instant updatedAt,
            CardId card,
            String sourceMasked,
            UUID vaultToken,
            UUID challengeId)
            implements StepUpHolds.Held<CardTransferId> {

        @Override
        public String payee() {
            return destinationMasked;
        }

        CardTransfer view() {
            return new CardTransfer(
                    id,
                    customer,
                    destinationMasked,
                    bank,
                    holderMasked,
                    amountMinor,
                    currency.code(),
                    status,
                    code,
                    traceNumber,
                    createdAt,
                    updatedAt,
                    sourceMasked,
                    null);
        }
    }

    JdbcCardTransfers(JdbcClient jdbc) {
        super(
                jdbc,
                "billing_card_transfers",
                COLUMNS,
                JdbcCardTransfers::row,
                CardTransferId::value,
                CardTransferId::new,
                "");
    }

    void insert(Row r) {
        jdbc.sql("INSERT INTO billing_card_transfers (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + "?, ?, ?, ?, ?, ?)")
                .params(
                        r.id().value(),
                        r.customer().value(),
                        r.destinationMasked(),
                        r.destinationHash(),
                        r.bank(),
                        r.holderMasked(),
                        r.amountMinor(),
                        r.currency().code(),
                        r.channel(),
                        r.status().name(),
                        r.code(),
                        r.transferId(),
                        r.traceNumber(),
                        Timestamps.utc(r.sentAt()),
                        Timestamps.utc(r.createdAt()),
                        Timestamps.utc(r.updatedAt()),
                        r.card() == null ? null : r.card().value(),
                        r.sourceMasked(),
                        r.vaultToken(),
                        r.challengeId())
                .update();
    }

    void update(CardTransferId id, BillPaymentStatus status, String code, String traceNumber, Instant now) {
        jdbc.sql(
                        "UPDATE billing_card_transfers SET status = ?, code = ?, trace_number = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), code, traceNumber, Timestamps.utc(now), id.value())
                .update();
    }

    /** What was sent card-to-card from one own card (not rejected, failed or unconfirmed) since {@code from}. */
    long sentMinor(CardId card, CurrencyCode currency, Instant from) {
        return jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM billing_card_transfers WHERE card_id = ? "
                        + "AND currency = ? AND created_at >= ? "
                        + "AND status IN ('AWAITING_CONFIRMATION', 'PENDING', 'UNKNOWN', 'COMPLETED')")
                .params(card.value(), currency.code(), Timestamps.utc(from))
                .query(Long.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID card = rs.getObject("card_id", UUID.class);
        return new Row(
                new CardTransferId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("destination_masked"),
                rs.getString("destination_hash"),
                rs.getString("bank"),
                rs.getString("holder_masked"),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency").trim()),
                rs.getString("channel"),
                BillPaymentStatus.valueOf(rs.getString("status")),
                rs.getString("code"),
                rs.getObject("transfer_id", UUID.class),
                rs.getString("trace_number"),
                Timestamps.instant(rs, "sent_at"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"),
                card == null ? null : new CardId(card),
                rs.getString("source_masked"),
                rs.getObject("vault_token", UUID.class),
                rs.getObject("challenge_id", UUID.class));
    }
}
