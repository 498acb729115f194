package org.socialbank.listening.cases;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of social care ({@code socialbank.listening.cases.*}), validated at start-up.
 *
 * @param defaultTeam the console team whose queue a new case joins
 * @param replyWithin how soon a public mention is answered (around the clock)
 * @param complaintBusinessDays how many business days a formal complaint may take (PSD2: 15)
 * @param zone the bank's zone, where business days begin and end
 * @param alertEvery how often a node looks for new spikes to raise as alerts
 * @param alertsEnabled whether this node raises spike alerts at all
 */
@ConfigurationProperties("socialbank.listening.cases")
public record CasesProperties(
        @DefaultValue("social") String defaultTeam,
        @DefaultValue("60m") Duration replyWithin,
        @DefaultValue("15") int complaintBusinessDays,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("1m") Duration alertEvery,
        @DefaultValue("true") boolean alertsEnabled) {

    public CasesProperties {
        require(defaultTeam != null && defaultTeam.matches("[a-z0-9_-]{1,64}"), "default-team must match [a-z0-9_-]{1,64}");
        require(replyWithin != null && replyWithin.compareTo(Duration.ofMinutes(1)) >= 0
                && replyWithin.compareTo(Duration.ofDays(30)) <= 0, "reply-within must be 1m..30d");
        require(complaintBusinessDays >= 1 && complaintBusinessDays <= 60, "complaint-business-days must be 1..60");
        require(zone != null, "zone must be a time zone id such as UTC or Europe/Paris");
        require(alertEvery != null && alertEvery.compareTo(Duration.ofSeconds(5)) >= 0
                && alertEvery.compareTo(Duration.ofHours(1)) <= 0, "alert-every must be 5s..1h");
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException("socialbank.listening.cases." + message);
        }
    }
}
