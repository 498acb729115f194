package org.socialbank.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of transaction alerts ({@code socialbank.alerts.*}), validated at start-up.
 *
 * @param followerEnabled whether this node follows the journal and releases held alerts
 * @param followInterval how often it looks for new postings and for alerts whose quiet hours ended
 * @param settle how old a journal row must be before the follower's cursor passes it, so that a
 *     row of a transaction still committing (a lower sequence committed later) is not skipped
 * @param batchMax the most journal rows (and held alerts) one round takes
 */
@ConfigurationProperties("socialbank.alerts")
public record AlertsProperties(
        @DefaultValue("true") boolean followerEnabled,
        @DefaultValue("2s") Duration followInterval,
        @DefaultValue("5s") Duration settle,
        @DefaultValue("200") int batchMax) {

    public AlertsProperties {
        require(!followInterval.isNegative() && !followInterval.isZero()
                && followInterval.compareTo(Duration.ofMinutes(10)) <= 0, "follow-interval must be positive and at most 10m");
        require(!settle.isNegative() && settle.compareTo(Duration.ofMinutes(5)) <= 0, "settle must be 0..5m");
        require(batchMax >= 1 && batchMax <= 200, "batch-max must be 1..200 (the ledger's page maximum)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.alerts." + message);
        }
    }
}
