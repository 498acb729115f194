package org.socialbank.sweeping;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sweeping ({@code socialbank.sweeping.*}), validated at start-up.
 *
 * @param zone the bank's zone: consent periods and the rules' days are calendar days there
 * @param recheckAfter how long a pull stays PENDING or UNKNOWN before the janitor asks the provider again
 * @param workerInterval how often the janitor re-checks pulls in doubt
 * @param rulesInterval how often the standing rules are looked at (a due rule pulls once a month)
 * @param rulesEnabled whether this node runs the standing rules at all
 * @param batchMax the most pulls or rules one round takes
 * @param consentDaysMax the longest a consent may run
 */
@ConfigurationProperties("socialbank.sweeping")
public record SweepingProperties(
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("30s") Duration recheckAfter,
        @DefaultValue("5s") Duration workerInterval,
        @DefaultValue("10m") Duration rulesInterval,
        @DefaultValue("true") boolean rulesEnabled,
        @DefaultValue("50") int batchMax,
        @DefaultValue("1096") int consentDaysMax) {

    public SweepingProperties {
        require(between(recheckAfter, Duration.ofSeconds(1), Duration.ofHours(1)), "recheck-after must be 1s..1h");
        require(
                between(workerInterval, Duration.ofMillis(100), Duration.ofMinutes(10)),
                "worker-interval must be 100ms..10m");
        require(
                between(rulesInterval, Duration.ofMillis(100), Duration.ofHours(6)),
                "rules-interval must be 100ms..6h");
        require(batchMax >= 1 && batchMax <= 1000, "batch-max must be 1..1000");
        require(consentDaysMax >= 1 && consentDaysMax <= 3660, "consent-days-max must be 1..3660");
    }

    private static boolean between(Duration value, Duration min, Duration max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.sweeping." + message);
        }
    }
}
