package org.socialbank.payments.jdbc;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.TransferId;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.SettleResult.Settlement;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Held returns operations settled by hand (review 2026-12-07 money follow-up): one row per payment,
 * its Idempotency-Key UNIQUE, written in the transaction that moves the money.
 */
@Repository
public class JdbcHeldReturnSettlements {

    private static final String COLUMNS =
            "payment_id, idempotency_key, to_account_id, transfer_id, reason, settled_by, settled_at";

    private final JdbcClient jdbc;

    JdbcHeldReturnSettlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A settlement and the payment it settled. */
    public record Stored(PaymentId paymentId, Settlement settlement) {}

    public void insert(PaymentId payment, Settlement s) {
        jdbc.sql("INSERT INTO held_return_settlements (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        payment.value(),
                        s.idempotencyKey(),
                        s.toAccountId().value(),
                        s.transferId().value(),
                        s.reason(),
                        s.settledBy(),
                        utc(s.settledAt()))
                .update();
    }

    public Optional<Stored> byKey(String idempotencyKey) {
        return one("idempotency_key", idempotencyKey);
    }

    public Optional<Stored> ofPayment(PaymentId payment) {
        return one("payment_id", payment.value());
    }

    /** The settlement whose {@code column} (one of the two unique ones, named here only) is {@code value}. */
    private Optional<Stored> one(String column, Object value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM held_return_settlements WHERE " + column + " = ?")
                .param(value)
                .query(JdbcHeldReturnSettlements::row)
                .optional();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        return new Stored(
                new PaymentId(rs.getObject("payment_id", UUID.class)),
                new Settlement(
                        rs.getString("idempotency_key"),
                        new AccountId(rs.getObject("to_account_id", UUID.class)),
                        new TransferId(rs.getObject("transfer_id", UUID.class)),
                        rs.getString("reason"),
                        rs.getString("settled_by"),
                        Timestamps.instant(rs, "settled_at")));
    }
}
