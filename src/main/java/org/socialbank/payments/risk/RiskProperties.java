package org.socialbank.payments.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.socialbank.directory.KycLevel;
import org.socialbank.shared.CurrencyCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment limits and step-up rules, validated at start-up. Amounts are in major units of their
 * currency (e.g. {@code 150} EUR, {@code 100000000} IRR). Every limit and threshold has a default
 * in code ({@link RiskDefaults}); a configured value replaces the default of the same level or
 * channel, currency and field, and the rest keeps its default.
 *
 * @param limits per KYC level and currency: the most per transaction, per local day and per local month
 * @param channelLimits per channel and currency: the most per transaction and per local day, on top
 *     of the KYC limits (public networks lower)
 * @param stepUp per currency: a payment above {@code above}, or to a new payee above
 *     {@code new-payee-above}, waits for a confirmation
 * @param newPayeesPerDayMax new payees a payer may pay since local midnight before the next one is held
 * @param burstPaymentsMax payments a payer may ask for within {@code burst-window} before the next is held
 * @param burstWindow the window of the burst rule
 * @param newChannelWindow how long after linking a channel every payment asked for in it is held (and
 *     after that, until {@code newChannelConfirmationsMin} of them were confirmed on the bank's page)
 * @param newChannelConfirmationsMin payments asked for in a linked channel that must have been
 *     confirmed on the bank's page before its payments may go through without a confirmation;
 *     {@code 0} holds them only within {@code newChannelWindow}
 */
@ConfigurationProperties("socialbank.payments.risk")
public record RiskProperties(
        Map<KycLevel, Map<String, Limits>> limits,
        Map<String, Map<String, ChannelLimits>> channelLimits,
        Map<String, Thresholds> stepUp,
        @DefaultValue("3") int newPayeesPerDayMax,
        @DefaultValue("5") int burstPaymentsMax,
        @DefaultValue("10m") Duration burstWindow,
        @DefaultValue("24h") Duration newChannelWindow,
        @DefaultValue("1") int newChannelConfirmationsMin) {

    static final String PREFIX = "socialbank.payments.risk.";

    /**
     * The limits of one KYC level in one currency, in major units.
     *
     * @param perTransaction the most one payment may be
     * @param perDay the most all payments of a local calendar day may add up to
     * @param perMonth the most all payments of a local calendar month may add up to
     */
    public record Limits(BigDecimal perTransaction, BigDecimal perDay, BigDecimal perMonth) {}

    /**
     * The limits of one channel in one currency, in major units, applied on top of the KYC limits.
     *
     * @param perTransaction the most one payment asked for in the channel may be
     * @param perDay the most the payments asked for in the channel in a local day may add up to
     */
    public record ChannelLimits(BigDecimal perTransaction, BigDecimal perDay) {}

    /**
     * Step-up thresholds of one currency, in major units.
     *
     * @param above a payment above this waits for a confirmation
     * @param newPayeeAbove a payment to a new payee above this (at most {@code above}) waits too
     */
    public record Thresholds(BigDecimal above, BigDecimal newPayeeAbove) {}

    public RiskProperties {
        limits = mergeLevels(limits);
        channelLimits = mergeNested(
                RiskDefaults.CHANNEL_LIMITS,
                channelLimits,
                RiskProperties::channelKey,
                RiskProperties::mergeChannelLimits);
        stepUp = merge(RiskDefaults.STEP_UP, stepUp, RiskProperties::currencyKey, RiskProperties::mergeThresholds);
        require(newPayeesPerDayMax >= 0 && newPayeesPerDayMax <= 1000, "new-payees-per-day-max must be 0..1000");
        require(burstPaymentsMax >= 1 && burstPaymentsMax <= 10_000, "burst-payments-max must be 1..10000");
        require(positiveAtMost(burstWindow, Duration.ofDays(1)), "burst-window must be positive and at most 1d");
        require(
                positiveAtMost(newChannelWindow, Duration.ofDays(30)),
                "new-channel-window must be positive and at most 30d");
        require(
                newChannelConfirmationsMin >= 0 && newChannelConfirmationsMin <= 100,
                "new-channel-confirmations-min must be 0..100");
        validateLimits(limits);
        validateChannelLimits(channelLimits);
        validateStepUp(stepUp, limits.get(KycLevel.FULL).keySet());
    }

    /** Every default: what a bank gets when it configures nothing. */
    public static RiskProperties defaults() {
        return new RiskProperties(null, null, null, 3, 5, Duration.ofMinutes(10), Duration.ofHours(24), 1);
    }

    /** An amount in major units as minor units of the currency; throws when it does not fit. */
    static long minor(BigDecimal major, CurrencyCode currency, String property) {
        require(major != null, property + " must be set");
        require(major.signum() >= 0, property + " must not be negative");
        try {
            return major.movePointRight(currency.exponent()).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    PREFIX + property + " must be a whole number of " + currency + " minor units and fit in a long: "
                            + major.toPlainString(),
                    e);
        }
    }

    private static Map<KycLevel, Map<String, Limits>> mergeLevels(Map<KycLevel, Map<String, Limits>> configured) {
        Map<KycLevel, Map<String, Limits>> merged = new EnumMap<>(KycLevel.class);
        for (KycLevel level : KycLevel.values()) {
            Map<String, Limits> given = configured == null ? null : configured.get(level);
            merged.put(
                    level,
                    Map.copyOf(merge(
                            RiskDefaults.LIMITS.get(level),
                            given,
                            RiskProperties::currencyKey,
                            RiskProperties::mergeLimits)));
        }
        return Map.copyOf(merged);
    }

    private static <V> Map<String, Map<String, V>> mergeNested(
            Map<String, Map<String, V>> defaults,
            Map<String, Map<String, V>> configured,
            UnaryOperator<String> key,
            BinaryOperator<V> fields) {
        Map<String, Map<String, V>> merged = new TreeMap<>(defaults);
        if (configured != null) {
            configured.forEach((name, inner) -> merged.put(
                    key.apply(name), merge(merged.get(key.apply(name)), inner, RiskProperties::currencyKey, fields)));
        }
        return Map.copyOf(merged);
    }

    /** Default entries, overridden field by field by configured ones (a null field keeps its default). */
    private static <V> Map<String, V> merge(
            Map<String, V> defaults, Map<String, V> configured, UnaryOperator<String> key, BinaryOperator<V> fields) {
        Map<String, V> merged = new TreeMap<>(defaults == null ? Map.of() : defaults);
        if (configured != null) {
            configured.forEach(
                    (name, value) -> merged.merge(key.apply(name), value, (old, given) -> fields.apply(given, old)));
        }
        return Map.copyOf(merged);
    }

    private static Limits mergeLimits(Limits given, Limits fallback) {
        return new Limits(
                first(given.perTransaction(), fallback.perTransaction()),
                first(given.perDay(), fallback.perDay()),
                first(given.perMonth(), fallback.perMonth()));
    }

    private static ChannelLimits mergeChannelLimits(ChannelLimits given, ChannelLimits fallback) {
        return new ChannelLimits(
                first(given.perTransaction(), fallback.perTransaction()), first(given.perDay(), fallback.perDay()));
    }

    private static Thresholds mergeThresholds(Thresholds given, Thresholds fallback) {
        return new Thresholds(
                first(given.above(), fallback.above()), first(given.newPayeeAbove(), fallback.newPayeeAbove()));
    }

    private static BigDecimal first(BigDecimal given, BigDecimal fallback) {
        return given != null ? given : fallback;
    }

    private static String currencyKey(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }

    private static String channelKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static void validateLimits(Map<KycLevel, Map<String, Limits>> limits) {
        Set<String> currencies = new HashSet<>();
        limits.values().forEach(byCurrency -> currencies.addAll(byCurrency.keySet()));
        for (KycLevel level : KycLevel.values()) {
            Map<String, Limits> byCurrency = limits.get(level);
            for (String code : currencies) {
                String property = "limits." + level.wireName() + "." + code;
                require(
                        byCurrency.containsKey(code),
                        property + " must be set: every KYC level needs limits" + " in every currency one level has");
                Limits l = byCurrency.get(code);
                CurrencyCode currency = currency(code, property);
                ordered(
                        new long[] {
                            minor(l.perTransaction(), currency, property + ".per-transaction"),
                            minor(l.perDay(), currency, property + ".per-day"),
                            minor(l.perMonth(), currency, property + ".per-month")
                        },
                        property,
                        "per-transaction <= per-day <= per-month");
            }
        }
    }

    private static void validateChannelLimits(Map<String, Map<String, ChannelLimits>> channelLimits) {
        channelLimits.forEach((channel, byCurrency) -> byCurrency.forEach((code, l) -> {
            String property = "channel-limits." + channel + "." + code;
            require(!channel.isBlank(), "channel-limits needs channel names");
            CurrencyCode currency = currency(code, property);
            ordered(
                    new long[] {
                        minor(l.perTransaction(), currency, property + ".per-transaction"),
                        minor(l.perDay(), currency, property + ".per-day")
                    },
                    property,
                    "per-transaction <= per-day");
        }));
    }

    private static void validateStepUp(Map<String, Thresholds> stepUp, Set<String> limitedCurrencies) {
        for (String code : limitedCurrencies) {
            require(
                    stepUp.containsKey(code),
                    "step-up." + code + " must be set: every currency with limits" + " needs step-up thresholds");
        }
        stepUp.forEach((code, t) -> {
            String property = "step-up." + code;
            CurrencyCode currency = currency(code, property);
            ordered(
                    new long[] {
                        minor(t.newPayeeAbove(), currency, property + ".new-payee-above"),
                        minor(t.above(), currency, property + ".above")
                    },
                    property,
                    "new-payee-above <= above");
        });
    }

    private static CurrencyCode currency(String code, String property) {
        return CurrencyCode.find(code)
                .orElseThrow(() -> new IllegalArgumentException(PREFIX + property + ": unknown currency " + code));
    }

    private static void ordered(long[] amounts, String property, String rule) {
        for (int i = 1; i < amounts.length; i++) {
            require(amounts[i - 1] <= amounts[i], property + " must have " + rule);
        }
    }

    private static boolean positiveAtMost(Duration d, Duration max) {
        return d != null && !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + message);
        }
    }
}
