package org.socialbank.cards;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the auto-repayment and reminder job ({@code socialbank.cards.reminders.*}), validated
 * at start-up.
 *
 * @param enabled whether the job runs on its own (tests run it by hand)
 * @param daysBefore how many days before the due date the reminder goes out
 * @param overdueWithinDays how long after the grace period an overdue reminder may still go out
 *     (a job stopped for longer does not send stale ones)
 * @param interval how often the job runs
 * @param batchMax the most statements one pass takes
 */
@ConfigurationProperties("socialbank.cards.reminders")
public record CardRemindersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") int daysBefore,
        @DefaultValue("7") int overdueWithinDays,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("100") int batchMax) {

    public CardRemindersProperties {
        require(daysBefore >= 1 && daysBefore <= 10, "days-before must be 1..10");
        require(overdueWithinDays >= 1 && overdueWithinDays <= 20, "overdue-within-days must be 1..20");
        require(
                interval != null
                        && interval.compareTo(Duration.ofSeconds(1)) >= 0
                        && interval.compareTo(Duration.ofDays(1)) <= 0,
                "interval must be 1s..1d");
        require(batchMax >= 1 && batchMax <= 1000, "batch-max must be 1..1000");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.cards.reminders." + message);
        }
    }
}
