package org.socialbank.payments.risk;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.socialbank.directory.KycLevel;
import org.socialbank.payments.risk.RiskProperties.ChannelLimits;
import org.socialbank.payments.risk.RiskProperties.Limits;
import org.socialbank.payments.risk.RiskProperties.Thresholds;

/**
 * The limits and thresholds a bank gets when it configures none, in major units, documented in
 * {@code docs/payment-limits.md}. EUR, USD and GBP share figures; the others are of the same
 * order in their currency. A claim-only wallet stays small (India's minimum-KYC wallets may take
 * in Rs 10,000 a month), and a public network such as X is capped lower, as ICICI capped
 * pay-by-tweet at Rs 5,000 a payment and Rs 10,000 a day.
 */
final class RiskDefaults {

    static final Map<KycLevel, Map<String, Limits>> LIMITS = limits();
    static final Map<String, Map<String, ChannelLimits>> CHANNEL_LIMITS = Map.of("x", xLimits());
    static final Map<String, Thresholds> STEP_UP = stepUp();

    private RiskDefaults() {}

    private static Map<KycLevel, Map<String, Limits>> limits() {
        Map<KycLevel, Map<String, Limits>> levels = new EnumMap<>(KycLevel.class);
        levels.put(
                KycLevel.CLAIM_ONLY,
                eurLike(
                        limits(150, 250, 1_000),
                        Map.of(
                                "INR", limits(5_000, 10_000, 10_000),
                                "RUB", limits(15_000, 25_000, 100_000),
                                "IRR", limits(100_000_000, 200_000_000, 1_000_000_000),
                                "CNY", limits(1_000, 2_000, 8_000))));
        levels.put(
                KycLevel.BASIC,
                eurLike(
                        limits(1_000, 2_500, 10_000),
                        Map.of(
                                "INR", limits(100_000, 100_000, 1_000_000),
                                "RUB", limits(100_000, 250_000, 1_000_000),
                                "IRR", limits(1_000_000_000, 2_500_000_000L, 10_000_000_000L),
                                "CNY", limits(8_000, 20_000, 80_000))));
        levels.put(
                KycLevel.FULL,
                eurLike(
                        limits(10_000, 25_000, 100_000),
                        Map.of(
                                "INR", limits(500_000, 1_000_000, 5_000_000),
                                "RUB", limits(1_000_000, 2_500_000, 10_000_000),
                                "IRR", limits(10_000_000_000L, 25_000_000_000L, 100_000_000_000L),
                                "CNY", limits(80_000, 200_000, 800_000))));
        return Map.copyOf(levels);
    }

    private static Map<String, ChannelLimits> xLimits() {
        return eurLike(
                channelLimits(100, 200),
                Map.of(
                        "INR", channelLimits(5_000, 10_000),
                        "RUB", channelLimits(10_000, 20_000),
                        "IRR", channelLimits(100_000_000, 200_000_000),
                        "CNY", channelLimits(800, 1_600)));
    }

    private static Map<String, Thresholds> stepUp() {
        return eurLike(
                thresholds(500, 100),
                Map.of(
                        "INR", thresholds(50_000, 10_000),
                        "RUB", thresholds(50_000, 10_000),
                        "IRR", thresholds(500_000_000, 100_000_000),
                        "CNY", thresholds(4_000, 800)));
    }

    private static <V> Map<String, V> eurLike(V euro, Map<String, V> others) {
        Map<String, V> table = new TreeMap<>(others);
        table.put("EUR", euro);
        table.put("USD", euro);
        table.put("GBP", euro);
        return Map.copyOf(table);
    }

    static Limits limits(long perTransaction, long perDay, long perMonth) {
        return new Limits(major(perTransaction), major(perDay), major(perMonth));
    }

    static ChannelLimits channelLimits(long perTransaction, long perDay) {
        return new ChannelLimits(major(perTransaction), major(perDay));
    }

    static Thresholds thresholds(long above, long newPayeeAbove) {
        return new Thresholds(major(above), major(newPayeeAbove));
    }

    static BigDecimal major(long amount) {
        return BigDecimal.valueOf(amount);
    }
}
