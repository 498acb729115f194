package org.socialbank.directory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of chat accounts that were never linked (security review #9): anyone can create one
 * per message (a web-chat cookie, a new Telegram account), so they are deleted once idle.
 *
 * @param unlinkedIdle a never-linked chat account with no message, reply or open link for this
 *     long is deleted with its conversation (at least 2d, at most 3660d)
 * @param batchMax accounts one batch deletes (1..10000); a run deletes at most 100 batches
 * @param interval how often the retention runs
 */
@ConfigurationProperties("socialbank.directory.identity-retention")
public record IdentityRetentionProperties(
        @DefaultValue("30d") Duration unlinkedIdle,
        @DefaultValue("500") int batchMax,
        @DefaultValue("1h") Duration interval) {

    public IdentityRetentionProperties {
        require(
                unlinkedIdle != null
                        && unlinkedIdle.compareTo(Duration.ofDays(2)) >= 0
                        && unlinkedIdle.compareTo(Duration.ofDays(3660)) <= 0,
                "unlinked-idle must be 2d..3660d");
        require(batchMax >= 1 && batchMax <= 10_000, "batch-max must be 1..10000");
        require(
                interval != null
                        && interval.compareTo(Duration.ofMinutes(1)) >= 0
                        && interval.compareTo(Duration.ofDays(1)) <= 0,
                "interval must be 1m..1d");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.directory.identity-retention." + message);
        }
    }
}
