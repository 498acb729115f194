package org.socialbank.applications;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of applications ({@code socialbank.applications.*}), validated at start-up.
 *
 * @param formTtl how long the link to the application's form stays valid
 * @param amountMaxMinor the largest loan or card limit the form accepts, in minor units
 * @param termMonthsMax the longest loan term the form accepts
 * @param cardStatementDay the statement day of a card issued on approval
 * @param autoDecide whether the underwriting's approval or decline is applied at once (a referral
 *     always goes to staff); off, the verdict is only recorded and staff decide every application.
 *     Null when not set: on with the bank's own {@link Underwriting} or in demo mode, off when the
 *     embedded sandbox underwrites a real bank (its income-only rules must not pay out loans)
 * @param loanRateBasisPoints the loans' annual interest rate (690 = 6.90 %)
 * @param zone the calendar of payout and due days
 * @param instalmentsEnabled whether the instalment job runs on its own
 * @param instalmentInterval how often the instalment job runs
 * @param instalmentBatchMax how many instalments one page of the job takes (24 pages a run at most)
 * @param expireAfter how long an application waiting on the customer (her form, or her answer to
 *     the bank's question) may go without a change before it expires, once its last link has expired
 */
@ConfigurationProperties("socialbank.applications")
public record ApplicationsProperties(
        @DefaultValue("7d") Duration formTtl,
        @DefaultValue("100000000") long amountMaxMinor,
        @DefaultValue("360") int termMonthsMax,
        @DefaultValue("10") int cardStatementDay,
        Boolean autoDecide,
        @DefaultValue("690") int loanRateBasisPoints,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("true") boolean instalmentsEnabled,
        @DefaultValue("1h") Duration instalmentInterval,
        @DefaultValue("100") int instalmentBatchMax,
        @DefaultValue("30d") Duration expireAfter) {

    public ApplicationsProperties {
        require(
                formTtl != null
                        && formTtl.compareTo(Duration.ofMinutes(5)) >= 0
                        && formTtl.compareTo(Duration.ofDays(60)) <= 0,
                "form-ttl must be 5m..60d");
        require(amountMaxMinor >= 1, "amount-max-minor must be positive");
        require(termMonthsMax >= 1 && termMonthsMax <= 600, "term-months-max must be 1..600");
        require(cardStatementDay >= 1 && cardStatementDay <= 28, "card-statement-day must be 1..28");
        require(loanRateBasisPoints >= 0 && loanRateBasisPoints <= 10_000, "loan-rate-basis-points must be 0..10000");
        require(zone != null, "zone must be a time zone");
        require(
                instalmentInterval != null
                        && instalmentInterval.compareTo(Duration.ofSeconds(1)) >= 0
                        && instalmentInterval.compareTo(Duration.ofDays(1)) <= 0,
                "instalment-interval must be 1s..1d");
        require(instalmentBatchMax >= 1 && instalmentBatchMax <= 1000, "instalment-batch-max must be 1..1000");
        require(
                expireAfter != null
                        && expireAfter.compareTo(Duration.ofHours(1)) >= 0
                        && expireAfter.compareTo(Duration.ofDays(365)) <= 0,
                "expire-after must be 1h..365d");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.applications." + message);
        }
    }
}
