package org.socialbank.cards;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The auto-repayment settings; written under the card's row lock, so an update-else-insert is safe. */
@Repository
class JdbcAutoRepayments {

    private final JdbcClient jdbc;

    JdbcAutoRepayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AutoRepayment> find(CardId card) {
        return jdbc.sql("SELECT mode, from_account FROM card_auto_repayments WHERE card_id = ?")
                .param(card.value())
                .query((rs, n) -> {
                    UUID from = rs.getObject("from_account", UUID.class);
                    return new AutoRepayment(
                            card,
                            AutoRepayment.Mode.valueOf(rs.getString("mode")),
                            from == null ? null : new AccountId(from));
                })
                .optional();
    }

    /** Replaces the setting; the caller holds the card's row lock. */
    void save(AutoRepayment s, Instant now) {
        UUID from = s.fromAccount() == null ? null : s.fromAccount().value();
        int updated = jdbc.sql("UPDATE card_auto_repayments SET mode = ?, from_account = ?, updated_at = ? "
                        + "WHERE card_id = ?")
                .params(s.mode().name(), from, Timestamps.utc(now), s.card().value())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO card_auto_repayments (card_id, mode, from_account, updated_at) VALUES (?, ?, ?, ?)")
                    .params(s.card().value(), s.mode().name(), from, Timestamps.utc(now))
                    .update();
        }
    }
}
