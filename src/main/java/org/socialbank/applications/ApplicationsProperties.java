package org.socialbank.applications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of applications ({@code socialbank.applications.*}), validated at start-up.
 *
 * @param formTtl how long the link to the application's form stays valid
 * @param amountMaxMinor the largest loan or card limit the form accepts, in minor units
 * @param termMonthsMax the longest loan term the form accepts
 * @param cardStatementDay the statement day of a card issued on approval
 */
@ConfigurationProperties("socialbank.applications")
public record ApplicationsProperties(
        @DefaultValue("7d") Duration formTtl,
        @DefaultValue("100000000") long amountMaxMinor,
        @DefaultValue("360") int termMonthsMax,
        @DefaultValue("10") int cardStatementDay) {

    public ApplicationsProperties {
        require(formTtl != null && formTtl.compareTo(Duration.ofMinutes(5)) >= 0
                && formTtl.compareTo(Duration.ofDays(60)) <= 0, "form-ttl must be 5m..60d");
        require(amountMaxMinor >= 1, "amount-max-minor must be positive");
        require(termMonthsMax >= 1 && termMonthsMax <= 600, "term-months-max must be 1..600");
        require(cardStatementDay >= 1 && cardStatementDay <= 28, "card-statement-day must be 1..28");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.applications." + message);
        }
    }
}
