package org.socialbank.directory;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory and of linking, validated at start-up.
 *
 * @param lookupsPerMinute alias lookups one caller may make per minute on one node
 * @param lookupCallersMax callers whose lookup allowance one node remembers at once
 * @param pageMax most customers one page of the customer list returns
 * @param publicBaseUrl where customers reach this bank's pages; one-time links start with it
 * @param linkTtl how long a one-time sign-in link for a chat account stays valid
 * @param unlinkTtl how long the "not you? unlink here" link of a link alert stays valid
 * @param confirmTtl how long a step-up confirmation (and its code) stays valid
 * @param codeAttemptsMax wrong codes allowed before the link or the operation is cancelled
 * @param signInFailuresMax failed sign-ins in a row, per user name or address, before a lockout
 * @param signInLockout how long such a lockout lasts
 * @param secondFactorWindow the sliding window over which codes sent and wrong codes are counted per customer
 * @param secondFactorFailuresMax wrong codes (SMS or app) per customer within the window before a lockout
 * @param secondFactorCodesMax codes sent per customer within the window before a lockout
 * @param secondFactorLockout how long the customer's second factor then stays locked
 */
@ConfigurationProperties("socialbank.directory")
public record DirectoryProperties(
        @DefaultValue("30") int lookupsPerMinute,
        @DefaultValue("10000") int lookupCallersMax,
        @DefaultValue("200") int pageMax,
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("10m") Duration linkTtl,
        @DefaultValue("7d") Duration unlinkTtl,
        @DefaultValue("5m") Duration confirmTtl,
        @DefaultValue("3") int codeAttemptsMax,
        @DefaultValue("5") int signInFailuresMax,
        @DefaultValue("15m") Duration signInLockout,
        @DefaultValue("1h") Duration secondFactorWindow,
        @DefaultValue("10") int secondFactorFailuresMax,
        @DefaultValue("20") int secondFactorCodesMax,
        @DefaultValue("1h") Duration secondFactorLockout) {

    public DirectoryProperties {
        require(lookupsPerMinute >= 1 && lookupsPerMinute <= 10_000, "lookups-per-minute must be 1..10000");
        require(lookupCallersMax >= 100 && lookupCallersMax <= 1_000_000, "lookup-callers-max must be 100..1000000");
        require(pageMax >= 1 && pageMax <= 1000, "page-max must be 1..1000");
        require(
                publicBaseUrl != null
                        && publicBaseUrl.isAbsolute()
                        && ("https".equals(publicBaseUrl.getScheme()) || "http".equals(publicBaseUrl.getScheme())),
                "public-base-url must be an absolute http(s) URL");
        require(positiveAtMost(linkTtl, Duration.ofHours(24)), "link-ttl must be positive and at most 24h");
        require(positiveAtMost(unlinkTtl, Duration.ofDays(30)), "unlink-ttl must be positive and at most 30d");
        require(positiveAtMost(confirmTtl, Duration.ofHours(1)), "confirm-ttl must be positive and at most 1h");
        require(codeAttemptsMax >= 1 && codeAttemptsMax <= 10, "code-attempts-max must be 1..10");
        require(signInFailuresMax >= 1 && signInFailuresMax <= 100, "sign-in-failures-max must be 1..100");
        require(positiveAtMost(signInLockout, Duration.ofDays(1)), "sign-in-lockout must be positive and at most 1d");
        require(
                positiveAtMost(secondFactorWindow, Duration.ofDays(7)),
                "second-factor-window must be positive and at most 7d");
        require(
                secondFactorFailuresMax >= codeAttemptsMax && secondFactorFailuresMax <= 1000,
                "second-factor-failures-max must be code-attempts-max..1000");
        require(secondFactorCodesMax >= 1 && secondFactorCodesMax <= 1000, "second-factor-codes-max must be 1..1000");
        require(
                positiveAtMost(secondFactorLockout, Duration.ofDays(7)),
                "second-factor-lockout must be positive and at most 7d");
    }

    /** The absolute URL of a path of this bank's pages. */
    public String url(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static boolean positiveAtMost(Duration d, Duration max) {
        return d != null && !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("socialbank.directory." + message);
        }
    }
}
