package org.socialbank.cards;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Repayments by the client's id, with the answer each got. */
@Repository
class JdbcRepayments {

    /** A stored answer: a repayment, or the code of a refusal that depended on the balances. */
    record Row(
            UUID id,
            CardId card,
            long amountMinor,
            CurrencyCode currency,
            String code,
            UUID transferId,
            AccountId fromAccount,
            Instant createdAt) {

        RepaymentResult answer() {
            return code == null
                    ? new RepaymentResult.Repaid(
                            new Repayment(id, card, amountMinor, currency, fromAccount, transferId, createdAt), true)
                    : new RepaymentResult.Refused(CardRefusal.fromCode(code));
        }
    }

    private final JdbcClient jdbc;

    JdbcRepayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT id, card_id, amount_minor, currency, code, transfer_id, from_account, created_at "
                        + "FROM card_repayments WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        new CardId(rs.getObject("card_id", UUID.class)),
                        rs.getLong("amount_minor"),
                        CurrencyCode.of(rs.getString("currency").trim()),
                        rs.getString("code"),
                        rs.getObject("transfer_id", UUID.class),
                        Optional.ofNullable(rs.getObject("from_account", UUID.class))
                                .map(AccountId::new)
                                .orElse(null),
                        Timestamps.instant(rs, "created_at")))
                .optional();
    }

    void insert(Row r) {
        jdbc.sql("INSERT INTO card_repayments (id, card_id, amount_minor, currency, status, code, transfer_id, "
                        + "from_account, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.card().value(),
                        r.amountMinor(),
                        r.currency().code(),
                        r.code() == null ? "REPAID" : "REFUSED",
                        r.code(),
                        r.transferId(),
                        r.fromAccount() == null ? null : r.fromAccount().value(),
                        Timestamps.utc(r.createdAt()))
                .update();
    }
}
