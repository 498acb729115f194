package org.socialbank.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.cards.CardId;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members, lots, the journal cursor and redemptions of the loyalty book. */
@Repository
class JdbcPoints {

    /** An accrual: what is left of it expires at {@code expiresAt}. */
    record Lot(UUID id, CustomerId customer, long points, long pointsLeft, Instant earnedAt, Instant expiresAt) {}

    /** A stored redemption: done, or refused with the code (a refusal that depended on the balances). */
    record Row(
            UUID id,
            CustomerId customer,
            long points,
            CardId card,
            String maskedNumber,
            long amountMinor,
            CurrencyCode currency,
            String code,
            Instant createdAt) {

        boolean sameRequest(CustomerId c, long p, CardId k) {
            return customer.equals(c) && points == p && (k == null || k.equals(card));
        }

        RedemptionResult answer() {
            return code == null
                    ? new RedemptionResult.Redeemed(
                            new Redemption(id, customer, points, card, maskedNumber, amountMinor, currency, createdAt),
                            true)
                    : new RedemptionResult.Refused(PointsRefusal.fromCode(code));
        }
    }

    private final JdbcClient jdbc;

    JdbcPoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long lockCursor() {
        return jdbc.sql("SELECT last_sequence FROM loyalty_cursor WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
    }

    void moveCursor(long sequence) {
        jdbc.sql("UPDATE loyalty_cursor SET last_sequence = ? WHERE id = 1")
                .param(sequence)
                .update();
    }

    /** Locks the member's row (every change of their points queues here); empty when they never earned. */
    Optional<AccountId> lockMember(CustomerId customer) {
        return jdbc.sql("SELECT account_id FROM loyalty_members WHERE customer_id = ? FOR UPDATE")
                .param(customer.value())
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
                .optional();
    }

    Optional<AccountId> member(CustomerId customer) {
        return jdbc.sql("SELECT account_id FROM loyalty_members WHERE customer_id = ?")
                .param(customer.value())
                .query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** The points a refund could not take back while they were held (under the member's lock). */
    long owed(CustomerId customer) {
        return jdbc.sql("SELECT points_owed FROM loyalty_members WHERE customer_id = ?")
                .param(customer.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void setOwed(CustomerId customer, long points) {
        jdbc.sql("UPDATE loyalty_members SET points_owed = ? WHERE customer_id = ?")
                .params(points, customer.value())
                .update();
    }

    /**
     * A refund's take-back as booked: the points it counts for its purchase ({@code points}: taken,
     * owed, or not there to take), {@code taken} now, {@code owed} for later; a take-back the ledger
     * refused is kept with its code ({@code refusedCode}) and the points it would have taken
     * ({@code pointsRefused}), counting none (review 2026-12-07 loyalty follow-up).
     */
    record TakeBack(long points, long taken, long owed, String refusedCode, long pointsRefused) {

        static TakeBack booked(PointsTakeBacks.Split split, long points) {
            return new TakeBack(points, split.take(), split.owed(), null, 0);
        }

        static TakeBack refused(String code, long points) {
            return new TakeBack(0, 0, 0, code, points);
        }
    }

    /** The refund's take-back as booked (taken, owed, both, or refused), if it was. */
    Optional<TakeBack> takeBack(UUID refundTransfer) {
        return jdbc.sql("SELECT points, taken, owed, refused_code, points_refused FROM loyalty_take_backs "
                        + "WHERE refund_transfer_id = ?")
                .param(refundTransfer)
                .query((rs, n) ->
                        new TakeBack(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)))
                .optional();
    }

    /**
     * Books a refund's take-back; for a refund that names its purchase, the purchase and the amount
     * refunded ({@code refundedMinor}), refused or not.
     */
    void insertTakeBack(
            UUID refundTransfer,
            CustomerId customer,
            TakeBack takeBack,
            UUID purchaseTransfer,
            Long refundedMinor,
            Instant now) {
        jdbc.sql("INSERT INTO loyalty_take_backs (refund_transfer_id, customer_id, points, taken, owed, "
                        + "refused_code, points_refused, purchase_transfer_id, refunded_minor, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        refundTransfer,
                        customer.value(),
                        takeBack.points(),
                        takeBack.taken(),
                        takeBack.owed(),
                        takeBack.refusedCode(),
                        takeBack.pointsRefused(),
                        purchaseTransfer,
                        refundedMinor,
                        Timestamps.utc(now))
                .update();
    }

    /**
     * What the refunds that named the purchase gave back so far (refused ones too), and the points
     * they took back (or owe; a refused one counts none, so the next part takes them).
     */
    PointsTakeBacks.Refunded refundedOf(UUID purchaseTransfer) {
        return jdbc.sql("SELECT COALESCE(SUM(refunded_minor), 0), COALESCE(SUM(points), 0) FROM loyalty_take_backs "
                        + "WHERE purchase_transfer_id = ?")
                .param(purchaseTransfer)
                .query((rs, n) -> new PointsTakeBacks.Refunded(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** The points the source transfer earned (its lot's), or 0 when it earned none. */
    long earnedBy(UUID sourceTransfer) {
        return jdbc.sql("SELECT points FROM loyalty_lots WHERE source_transfer_id = ?")
                .param(sourceTransfer)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    void insertMember(CustomerId customer, AccountId account, Instant now) {
        jdbc.sql("INSERT INTO loyalty_members (customer_id, account_id, created_at) VALUES (?, ?, ?)")
                .params(customer.value(), account.value(), Timestamps.utc(now))
                .update();
    }

    boolean earnedFrom(UUID sourceTransfer) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_lots WHERE source_transfer_id = ?")
                        .param(sourceTransfer)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertLot(Lot lot, UUID sourceTransfer, String sourceCode) {
        jdbc.sql("INSERT INTO loyalty_lots (id, customer_id, source_transfer_id, source_code, points, points_left, "
                        + "earned_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        lot.id(),
                        lot.customer().value(),
                        sourceTransfer,
                        sourceCode,
                        lot.points(),
                        lot.pointsLeft(),
                        Timestamps.utc(lot.earnedAt()),
                        Timestamps.utc(lot.expiresAt()))
                .update();
    }

    private static final String LOT =
            "SELECT id, customer_id, points, points_left, earned_at, expires_at FROM loyalty_lots ";

    private static Lot lot(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Lot(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getLong("points"),
                rs.getLong("points_left"),
                Timestamps.instant(rs, "earned_at"),
                Timestamps.instant(rs, "expires_at"));
    }

    /** The customer's lots with points left, the first to expire first (redemptions take these first). */
    List<Lot> openLots(CustomerId customer, int limit) {
        return jdbc.sql(LOT + "WHERE customer_id = ? AND points_left > 0 ORDER BY expires_at, earned_at, id LIMIT ?")
                .params(customer.value(), limit)
                .query(JdbcPoints::lot)
                .list();
    }

    /** Lots with points left that expire before {@code until}, oldest first. */
    List<Lot> expiringBefore(CustomerId customer, Instant until, int limit) {
        return jdbc.sql(LOT + "WHERE customer_id = ? AND points_left > 0 AND expires_at <= ? "
                        + "ORDER BY expires_at, id LIMIT ?")
                .params(customer.value(), Timestamps.utc(until), limit)
                .query(JdbcPoints::lot)
                .list();
    }

    /** Lots of any customer whose points are due to expire by {@code now}, in expiry order. */
    List<Lot> due(Instant now, int limit) {
        return jdbc.sql(LOT + "WHERE expires_at <= ? AND points_left > 0 ORDER BY expires_at, id LIMIT ?")
                .params(Timestamps.utc(now), limit)
                .query(JdbcPoints::lot)
                .list();
    }

    /** The due lots that come after {@code after} in expiry order (the next page of {@link #due}). */
    List<Lot> dueAfter(Instant now, Lot after, int limit) {
        return jdbc.sql(LOT + "WHERE expires_at <= ? AND points_left > 0 "
                        + "AND (expires_at > ? OR (expires_at = ? AND id > ?)) ORDER BY expires_at, id LIMIT ?")
                .params(
                        Timestamps.utc(now),
                        Timestamps.utc(after.expiresAt()),
                        Timestamps.utc(after.expiresAt()),
                        after.id(),
                        limit)
                .query(JdbcPoints::lot)
                .list();
    }

    Optional<Lot> lot(UUID id) {
        return jdbc.sql(LOT + "WHERE id = ?").param(id).query(JdbcPoints::lot).optional();
    }

    /** Takes {@code points} from the customer's lots, the first to expire first (under the member's lock). */
    void consume(CustomerId customer, long points, int lotsMax) {
        long left = points;
        for (Lot lot : openLots(customer, lotsMax)) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(left, lot.pointsLeft());
            setLeft(lot.id(), lot.pointsLeft() - taken);
            left -= taken;
        }
    }

    void setLeft(UUID lot, long left) {
        jdbc.sql("UPDATE loyalty_lots SET points_left = ? WHERE id = ?")
                .params(left, lot)
                .update();
    }

    Optional<Row> redemption(UUID id) {
        return jdbc.sql(
                        "SELECT id, customer_id, points, card_id, amount_minor, currency, code, created_at, masked_number "
                                + "FROM loyalty_redemptions WHERE id = ?")
                .param(id)
                .query(JdbcPoints::row)
                .optional();
    }

    List<Row> redemptions(CustomerId customer, int limit) {
        return jdbc.sql(
                        "SELECT id, customer_id, points, card_id, amount_minor, currency, code, created_at, masked_number "
                                + "FROM loyalty_redemptions WHERE customer_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(customer.value(), limit)
                .query(JdbcPoints::row)
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID card = rs.getObject("card_id", UUID.class);
        String currency = rs.getString("currency");
        return new Row(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getLong("points"),
                card == null ? null : new CardId(card),
                rs.getString("masked_number"),
                rs.getLong("amount_minor"),
                currency == null ? null : CurrencyCode.of(currency.trim()),
                rs.getString("code"),
                Timestamps.instant(rs, "created_at"));
    }

    void insert(Row r) {
        jdbc.sql("INSERT INTO loyalty_redemptions (id, customer_id, kind, points, card_id, masked_number, "
                        + "amount_minor, currency, status, code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.customer().value(),
                        Redemption.STATEMENT_CREDIT,
                        r.points(),
                        r.card() == null ? null : r.card().value(),
                        r.maskedNumber(),
                        r.amountMinor(),
                        r.currency() == null ? null : r.currency().code(),
                        r.code() == null ? "redeemed" : "refused",
                        r.code(),
                        Timestamps.utc(r.createdAt()))
                .update();
    }
}
