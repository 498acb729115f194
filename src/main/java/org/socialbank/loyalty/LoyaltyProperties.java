package org.socialbank.loyalty;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.CurrencyDefaults;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of loyalty points ({@code socialbank.loyalty.*}), validated at start-up.
 *
 * @param followerEnabled whether this node follows the journal and expires points on its own
 * @param followInterval how often the journal is read and due points expire
 * @param settle how old a journal row must be before it is read (a later row may commit first)
 * @param batchMax the most journal rows or lots one round takes
 * @param earnCodes the ledger transfer codes that earn points for the customer who paid; {@code p2p} is left
 *     out by default: two customers sending the same money back and forth would earn with none leaving
 * @param minorPerPoint per currency, how many minor units earn one point (a currency without one earns nothing)
 * @param pointValueMinor per currency, what one point is worth redeemed as a statement credit, in minor units
 *     (in both maps a configured currency overrides or adds to the shipped ones, which stay)
 * @param pointsTtl how long an earned point lasts
 * @param expiringSoon how far ahead "my points" looks for points about to expire
 * @param redeemPointsMin the fewest points one redemption takes
 * @param voucherRecheckAfter how old a pending voucher order must be before the janitor asks the
 *     partner about it; the partner's {@link Rewards#timeout()} must be shorter (checked at start)
 */
@ConfigurationProperties("socialbank.loyalty")
public record LoyaltyProperties(
        @DefaultValue("true") boolean followerEnabled,
        @DefaultValue("5s") Duration followInterval,
        @DefaultValue("2s") Duration settle,
        @DefaultValue("200") int batchMax,
        @DefaultValue("card-purchase") Set<String> earnCodes,
        Map<String, Long> minorPerPoint,
        Map<String, Long> pointValueMinor,
        @DefaultValue("730d") Duration pointsTtl,
        @DefaultValue("60d") Duration expiringSoon,
        @DefaultValue("100") long redeemPointsMin,
        @DefaultValue("30s") Duration voucherRecheckAfter) {

    /** 1 point per 2 EUR, per 20 CNY (the CMB rule), per 200 RUB, per 200 INR, per 1,000,000 IRR. */
    static final Map<String, Long> EARN_DEFAULTS =
            Map.of("EUR", 200L, "CNY", 2_000L, "RUB", 20_000L, "INR", 20_000L, "IRR", 1_000_000L);

    /** A point redeemed is worth 0.01 EUR, 0.05 CNY, 0.50 RUB, 0.50 INR, 5,000 IRR. */
    static final Map<String, Long> VALUE_DEFAULTS = Map.of("EUR", 1L, "CNY", 5L, "RUB", 50L, "INR", 50L, "IRR", 5_000L);

    public LoyaltyProperties {
        minorPerPoint = CurrencyDefaults.merged(EARN_DEFAULTS, minorPerPoint);
        pointValueMinor = CurrencyDefaults.merged(VALUE_DEFAULTS, pointValueMinor);
        earnCodes = Set.copyOf(earnCodes);
        require(
                between(followInterval, Duration.ofMillis(100), Duration.ofHours(1)),
                "follow-interval must be 100ms..1h");
        require(between(settle, Duration.ZERO, Duration.ofMinutes(10)), "settle must be 0..10m");
        require(
                batchMax >= 1 && batchMax <= Ledger.JOURNAL_PAGE_MAX,
                "batch-max must be 1.." + Ledger.JOURNAL_PAGE_MAX + " (the ledger's journal page maximum)");
        require(between(pointsTtl, Duration.ofDays(1), Duration.ofDays(3660)), "points-ttl must be 1d..3660d");
        require(between(expiringSoon, Duration.ofDays(1), Duration.ofDays(366)), "expiring-soon must be 1d..366d");
        require(redeemPointsMin >= 1 && redeemPointsMin <= 1_000_000, "redeem-points-min must be 1..1000000");
        require(
                between(voucherRecheckAfter, Duration.ofSeconds(1), Duration.ofHours(24)),
                "voucher-recheck-after must be 1s..24h");
        for (Map.Entry<String, Long> e : minorPerPoint.entrySet()) {
            require(
                    money(e.getKey()) && e.getValue() != null && e.getValue() >= 1,
                    "minor-per-point." + e.getKey() + " must be a money currency and at least 1");
        }
        for (Map.Entry<String, Long> e : pointValueMinor.entrySet()) {
            require(
                    money(e.getKey()) && e.getValue() != null && e.getValue() >= 1 && e.getValue() <= 1_000_000,
                    "point-value-minor." + e.getKey() + " must be a money currency and 1..1000000");
        }
    }

    /** How many points a transfer earns: its amount over the currency's rate, rounded down; 0 when none. */
    long points(String transferCode, long amountMinor, CurrencyCode currency) {
        Long rate = minorPerPoint.get(currency.code());
        return rate == null || !earnCodes.contains(transferCode) || amountMinor <= 0 ? 0 : amountMinor / rate;
    }

    private static boolean money(String code) {
        return CurrencyCode.find(code).map(CurrencyCode::money).orElse(false);
    }

    private static boolean between(Duration value, Duration min, Duration max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("socialbank.loyalty." + message);
        }
    }
}
