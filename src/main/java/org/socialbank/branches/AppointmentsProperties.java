package org.socialbank.branches;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of branch appointments ({@code socialbank.services.appointments.*}), validated at start-up.
 *
 * @param horizon how far ahead a slot can be booked
 * @param reminderLead how long before its start an appointment is reminded ("the day before")
 * @param reminderInterval how often the reminder job looks for due reminders
 * @param reminderBatchMax the most reminders one round sends
 * @param remindersEnabled false stops the scheduled job (tests run it by hand)
 */
@ConfigurationProperties("socialbank.services.appointments")
public record AppointmentsProperties(
        @DefaultValue("60d") Duration horizon,
        @DefaultValue("24h") Duration reminderLead,
        @DefaultValue("5m") Duration reminderInterval,
        @DefaultValue("100") int reminderBatchMax,
        @DefaultValue("true") boolean remindersEnabled) {

    public AppointmentsProperties {
        require(between(horizon, Duration.ofDays(1), Duration.ofDays(366)), "horizon must be 1d..366d");
        require(between(reminderLead, Duration.ofHours(1), Duration.ofDays(7)), "reminder-lead must be 1h..7d");
        require(
                between(reminderInterval, Duration.ofSeconds(1), Duration.ofHours(1)),
                "reminder-interval must be 1s..1h");
        require(reminderBatchMax >= 1 && reminderBatchMax <= 1000, "reminder-batch-max must be 1..1000");
    }

    private static boolean between(Duration value, Duration min, Duration max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.services.appointments." + message);
        }
    }
}
