package org.socialbank.loyalty;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's points: the posted balance, what of it is held (not spendable until the hold ends),
 * what expires soon (oldest first) and the last movements (newest first).
 */
public record PointsSummary(long balance, Held held, List<Expiring> expiringSoon, List<Movement> history) {

    public PointsSummary {
        Objects.requireNonNull(held, "held");
        expiringSoon = List.copyOf(expiringSoon);
        history = List.copyOf(history);
    }

    /** Nothing held. */
    public PointsSummary(long balance, List<Expiring> expiringSoon, List<Movement> history) {
        this(balance, Held.NONE, expiringSoon, history);
    }

    /**
     * What the customer can spend now: the balance less what is held (review 2026-12-07 money #3:
     * every spend checks this, so "my points" shows it).
     */
    public long available() {
        return balance - held.total();
    }

    /**
     * Points held by a pending debit of the points account, by what holds them: a partner voucher
     * being ordered, or the discount on a bill or a top-up being paid. Released, they are
     * spendable again; spent, they leave the balance.
     */
    public record Held(long vouchers, long payments) {

        public static final Held NONE = new Held(0, 0);

        public Held {
            if (vouchers < 0 || payments < 0) {
                throw new IllegalArgumentException("held points cannot be negative");
            }
        }

        public long total() {
            return vouchers + payments;
        }
    }

    public record Expiring(long points, Instant expiresAt) {}

    /**
     * One movement of points.
     *
     * @param kind {@code earned}, {@code redeemed}, {@code expired}
     * @param points positive for earned, negative for redeemed and expired
     */
    public record Movement(String kind, long points, Instant at) {}
}
