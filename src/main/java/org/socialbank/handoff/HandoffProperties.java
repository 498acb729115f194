package org.socialbank.handoff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handoff settings ({@code socialbank.handoff.*}), checked at startup.
 *
 * @param firstResponse the first-response target: from when the present team or agent began to owe an answer (queued, or an answered case passed on) to their first reply
 * @param resolution the resolution target: from queued to resolved or handed back
 * @param warningPercent the share of a target after which its timer shows a warning (1..99)
 * @param unsureMax answers in a row the assistant was unsure of after which a person takes over (0: never)
 * @param defaultTeam the team a customer's request for a person goes to
 * @param snoozeMax the longest an agent may set a case aside
 * @param ratingTtl how long after the close the customer's rating buttons are taken
 * @param queueWaitMax how long a case may wait in the queue (from when it was queued, or last went
 *     back to a queue); then the bot has the conversation again
 * @param presenceTimeout how long an agent available for new cases may go unseen by the console (no
 *     authenticated console request) before assignment passes them over and the janitor marks them away;
 *     an agent away by choice unseen as long gives back their unanswered cases (10m..12h: longer than the
 *     live queue's 5-minute event streams, which count as seen)
 * @param reconcileInterval how often every enrolled agent is brought in line with the staff accounts (1m..1d)
 * @param reconcileStartDelay how long after start-up the first staff reconcile runs, off the start-up path
 *     (1s..1d)
 * @param customerLinesCap the customer lines one case keeps at most: past it, each new line of hers
 *     deletes her oldest of the case, so what she wrote last is kept and one endless chat cannot fill
 *     the table; agents' lines, notes and the bank's are kept (100..1000000)
 */
@ConfigurationProperties("socialbank.handoff")
public record HandoffProperties(
        @DefaultValue("5m") Duration firstResponse,
        @DefaultValue("1h") Duration resolution,
        @DefaultValue("80") int warningPercent,
        @DefaultValue("2") int unsureMax,
        @DefaultValue("support") String defaultTeam,
        @DefaultValue("7d") Duration snoozeMax,
        @DefaultValue("7d") Duration ratingTtl,
        @DefaultValue("4h") Duration queueWaitMax,
        @DefaultValue("30m") Duration presenceTimeout,
        @DefaultValue("1h") Duration reconcileInterval,
        @DefaultValue("1m") Duration reconcileStartDelay,
        @DefaultValue("5000") int customerLinesCap) {

    public HandoffProperties {
        require(positive(firstResponse) && positive(resolution), "first-response and resolution must be positive");
        require(warningPercent >= 1 && warningPercent <= 99, "warning-percent must be 1..99");
        require(unsureMax >= 0 && unsureMax <= 10, "unsure-max must be 0..10");
        require(Teams.valid(defaultTeam), "default-team must be 1..32 of a-z, 0-9, '-' and '_'");
        require(positive(snoozeMax) && snoozeMax.compareTo(Duration.ofDays(30)) <= 0, "snooze-max must be 1s..30d");
        require(positive(ratingTtl), "rating-ttl must be positive");
        require(between(queueWaitMax, Duration.ofMinutes(1), Duration.ofDays(7)), "queue-wait-max must be 1m..7d");
        require(
                between(presenceTimeout, Duration.ofMinutes(10), Duration.ofHours(12)),
                "presence-timeout must be 10m..12h");
        require(
                between(reconcileInterval, Duration.ofMinutes(1), Duration.ofDays(1)),
                "reconcile-interval must be 1m..1d");
        require(
                between(reconcileStartDelay, Duration.ofSeconds(1), Duration.ofDays(1)),
                "reconcile-start-delay must be 1s..1d");
        require(
                customerLinesCap >= CUSTOMER_LINES_CAP_MIN && customerLinesCap <= 1_000_000,
                "customer-lines-cap must be 100..1000000");
    }

    /** The fewest customer lines a case may be set to keep: an agent reads at least this much of her. */
    static final int CUSTOMER_LINES_CAP_MIN = 100;

    private static boolean between(Duration d, Duration min, Duration max) {
        return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.handoff: " + message);
        }
    }
}
