package org.socialbank.payouts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payouts ({@code socialbank.payouts.*}), validated at start-up.
 *
 * @param workerEnabled whether this node runs the worker and the janitor
 * @param workerInterval how often the worker and the janitor look for due payouts
 * @param batchMax the most payouts one round of the worker (and one of the janitor) takes
 * @param lease how long a payout being sent or checked is reserved for one node
 * @param checkInterval the first wait before the janitor asks the rail about a sent or UNKNOWN
 *     payout; it doubles with every check up to {@code checkIntervalMax}
 * @param checkIntervalMax the longest wait between two checks of one payout
 * @param sendsMax the most times one payout is sent when the rail says it never received it
 * @param clockSkewMax how far apart the nodes' clocks may be (they read leases on their own clocks):
 *     the rail's timeout plus this must be shorter than {@code lease}
 * @param reviewAfter how long a payout may stay unfinished (unsent, in flight or UNKNOWN) before
 *     it is marked for operations' review
 * @param sandbox the embedded sandbox rail's settings
 */
@ConfigurationProperties("socialbank.payouts")
public record PayoutsProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1s") Duration workerInterval,
        @DefaultValue("50") int batchMax,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("2s") Duration checkInterval,
        @DefaultValue("10m") Duration checkIntervalMax,
        @DefaultValue("5") int sendsMax,
        @DefaultValue("5s") Duration clockSkewMax,
        @DefaultValue("3d") Duration reviewAfter,
        @DefaultValue Sandbox sandbox) {

    public PayoutsProperties {
        require(
                positiveAtMost(workerInterval, Duration.ofMinutes(10)),
                "worker-interval must be positive and at most 10m");
        require(batchMax >= 1 && batchMax <= 1000, "batch-max must be 1..1000");
        require(
                positiveAtMost(lease, Duration.ofMinutes(30)) && lease.compareTo(Duration.ofSeconds(1)) >= 0,
                "lease must be 1s..30m");
        require(positiveAtMost(checkInterval, Duration.ofHours(1)), "check-interval must be positive and at most 1h");
        require(
                positiveAtMost(checkIntervalMax, Duration.ofDays(1)) && checkIntervalMax.compareTo(checkInterval) >= 0,
                "check-interval-max must be at least check-interval and at most 1d");
        require(sendsMax >= 1 && sendsMax <= 100, "sends-max must be 1..100");
        require(
                clockSkewMax != null
                        && !clockSkewMax.isNegative()
                        && clockSkewMax.compareTo(Duration.ofMinutes(1)) <= 0
                        && clockSkewMax.compareTo(lease) < 0,
                "clock-skew-max must be 0..1m and shorter than lease");
        require(
                positiveAtMost(reviewAfter, Duration.ofDays(90)) && reviewAfter.compareTo(Duration.ofMinutes(1)) >= 0,
                "review-after must be 1m..90d");
    }

    /**
     * The embedded sandbox rail.
     *
     * @param settleAfter how long after it accepted a payout the sandbox says it settled
     * @param failAccounts IBANs or account numbers the sandbox rejects with {@code account_closed}
     */
    public record Sandbox(
            @DefaultValue("5s") Duration settleAfter,
            @DefaultValue List<String> failAccounts) {

        public static final int FAIL_ACCOUNTS_MAX = 1000;

        public Sandbox {
            require(
                    settleAfter != null && !settleAfter.isNegative() && settleAfter.compareTo(Duration.ofDays(1)) <= 0,
                    "sandbox.settle-after must be 0..1d");
            failAccounts = failAccounts == null ? List.of() : List.copyOf(failAccounts);
            require(
                    failAccounts.size() <= FAIL_ACCOUNTS_MAX,
                    "sandbox.fail-accounts has more than " + FAIL_ACCOUNTS_MAX);
        }
    }

    private static boolean positiveAtMost(Duration value, Duration max) {
        return value != null && !value.isNegative() && !value.isZero() && value.compareTo(max) <= 0;
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("socialbank.payouts." + message);
        }
    }
}
