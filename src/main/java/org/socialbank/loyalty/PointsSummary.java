package org.socialbank.loyalty;

import java.time.Instant;
import java.util.List;

/**
 * A customer's points: the balance, what expires soon (oldest first) and the last movements
 * (newest first).
 */
public record PointsSummary(long balance, List<Expiring> expiringSoon, List<Movement> history) {

    public PointsSummary {
        expiringSoon = List.copyOf(expiringSoon);
        history = List.copyOf(history);
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
