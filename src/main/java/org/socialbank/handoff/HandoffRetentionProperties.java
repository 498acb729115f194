package org.socialbank.handoff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of handoff rows ({@code socialbank.handoff.retention.*}), checked at start-up. A
 * closed case holds what the customer wrote (masked) and the agents' replies; it is deleted with
 * its transcript and labels once closed for {@code closed-max-age}. Ratings reports then no longer
 * count it; the staff audit keeps its rows.
 *
 * @param closedMaxAge a case closed this long ago is deleted (1d..3660d)
 * @param batchMax cases one batch deletes (1..10000); a run deletes at most 100 batches
 * @param interval how often the retention runs (1m..1d)
 */
@ConfigurationProperties("socialbank.handoff.retention")
public record HandoffRetentionProperties(
        @DefaultValue("365d") Duration closedMaxAge,
        @DefaultValue("500") int batchMax,
        @DefaultValue("1h") Duration interval) {

    public HandoffRetentionProperties {
        require(
                closedMaxAge != null
                        && closedMaxAge.compareTo(Duration.ofDays(1)) >= 0
                        && closedMaxAge.compareTo(Duration.ofDays(3660)) <= 0,
                "closed-max-age must be 1d..3660d");
        require(batchMax >= 1 && batchMax <= 10_000, "batch-max must be 1..10000");
        require(
                interval != null
                        && interval.compareTo(Duration.ofMinutes(1)) >= 0
                        && interval.compareTo(Duration.ofDays(1)) <= 0,
                "interval must be 1m..1d");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.handoff.retention." + message);
        }
    }
}
