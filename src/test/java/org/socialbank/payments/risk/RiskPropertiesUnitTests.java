package org.socialbank.payments.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialbank.payments.risk.RiskDefaults.channelLimits;
import static org.socialbank.payments.risk.RiskDefaults.limits;
import static org.socialbank.payments.risk.RiskDefaults.major;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.socialbank.directory.KycLevel;
import org.socialbank.payments.risk.RiskProperties.ChannelLimits;
import org.socialbank.payments.risk.RiskProperties.Limits;
import org.socialbank.payments.risk.RiskProperties.Thresholds;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings: defaults, how configured values replace them, and what stops the start. */
class RiskPropertiesUnitTests {

    static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    static final Duration DAY = Duration.ofHours(24);

    @Test
    void theDefaultsCoverTheSeedsCurrenciesAtEveryLevelAndCapX() {
        RiskProperties defaults = RiskProperties.defaults();

        for (KycLevel level : KycLevel.values()) {
            assertThat(defaults.limits().get(level)).containsOnlyKeys("EUR", "USD", "GBP", "INR", "RUB", "IRR", "CNY");
        }
        assertThat(defaults.limits().get(KycLevel.CLAIM_ONLY).get("EUR")).isEqualTo(limits(150, 250, 1000));
        assertThat(defaults.channelLimits()).containsOnlyKeys("x");
        assertThat(defaults.channelLimits().get("x").get("INR")).isEqualTo(channelLimits(5_000, 10_000));
        assertThat(defaults.stepUp()).containsOnlyKeys("EUR", "USD", "GBP", "INR", "RUB", "IRR", "CNY");
    }

    @Test
    void aConfiguredFieldReplacesItsDefaultAndTheRestKeepTheirs() {
        RiskProperties properties = new RiskProperties(
                Map.of(KycLevel.BASIC, Map.of("eur", new Limits(null, major(3_000), null))),
                Map.of("Telegram", Map.of("EUR", channelLimits(500, 1_000))),
                Map.of("EUR", new Thresholds(null, major(50))),
                3,
                5,
                TEN_MINUTES,
                DAY,
                1);

        assertThat(properties.limits().get(KycLevel.BASIC).get("EUR")).isEqualTo(limits(1_000, 3_000, 10_000));
        assertThat(properties.limits().get(KycLevel.BASIC).get("USD")).isEqualTo(limits(1_000, 2_500, 10_000));
        assertThat(properties.channelLimits()).containsOnlyKeys("x", "telegram");
        assertThat(properties.stepUp().get("EUR")).isEqualTo(new Thresholds(major(500), major(50)));
    }

    @Test
    void bindsFromPropertiesWithRelaxedNames() {
        Map<String, String> source = Map.of(
                "socialbank.payments.risk.limits.claim-only.EUR.per-transaction", "100",
                "socialbank.payments.risk.limits.claim_only.USD.per-transaction", "120",
                "socialbank.payments.risk.channel-limits.whatsapp.INR.per-transaction", "20000",
                "socialbank.payments.risk.channel-limits.whatsapp.INR.per-day", "40000",
                "socialbank.payments.risk.step-up.IRR.new-payee-above", "50000000",
                "socialbank.payments.risk.burst-window", "5m");

        RiskProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("socialbank.payments.risk", RiskProperties.class);

        assertThat(properties.limits().get(KycLevel.CLAIM_ONLY).get("EUR")).isEqualTo(limits(100, 250, 1_000));
        assertThat(properties.limits().get(KycLevel.CLAIM_ONLY).get("USD")).isEqualTo(limits(120, 250, 1_000));
        assertThat(properties.channelLimits().get("whatsapp").get("INR")).isEqualTo(channelLimits(20_000, 40_000));
        assertThat(properties.stepUp().get("IRR").newPayeeAbove()).isEqualByComparingTo("50000000");
        assertThat(properties.burstWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.newPayeesPerDayMax()).isEqualTo(3);
        assertThat(new Binder(new MapConfigurationPropertySource(Map.of()))
                        .bindOrCreate("socialbank.payments.risk", RiskProperties.class))
                .isEqualTo(RiskProperties.defaults());
    }

    @Test
    void aBadValueInTheEnvironmentStopsTheStartNamingTheProperty() {
        Map<String, String> source = Map.of("socialbank.payments.risk.limits.basic.EUR.per-day", "-1");

        assertThatThrownBy(() -> new Binder(new MapConfigurationPropertySource(source))
                        .bindOrCreate("socialbank.payments.risk", RiskProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("socialbank.payments.risk.limits.basic.EUR.per-day must not be negative");
    }

    @Test
    void refusesNegativeAmounts() {
        assertRefused(
                () -> levels(KycLevel.FULL, "GBP", new Limits(major(-1), null, null)),
                "socialbank.payments.risk.limits.full.GBP.per-transaction must not be negative");
        assertRefused(
                () -> new RiskProperties(
                        null, Map.of("x", Map.of("EUR", channelLimits(-5, 10))), null, 3, 5, TEN_MINUTES, DAY, 1),
                "socialbank.payments.risk.channel-limits.x.EUR.per-transaction must not be negative");
    }

    @Test
    void refusesLimitsOutOfOrder() {
        assertRefused(
                () -> levels(KycLevel.BASIC, "EUR", new Limits(major(3_000), null, null)),
                "socialbank.payments.risk.limits.basic.EUR must have per-transaction <= per-day <= per-month");
        assertRefused(
                () -> levels(KycLevel.BASIC, "EUR", new Limits(null, major(20_000), null)),
                "socialbank.payments.risk.limits.basic.EUR must have per-transaction <= per-day <= per-month");
        assertRefused(
                () -> new RiskProperties(
                        null, Map.of("x", Map.of("EUR", channelLimits(300, 200))), null, 3, 5, TEN_MINUTES, DAY, 1),
                "socialbank.payments.risk.channel-limits.x.EUR must have per-transaction <= per-day");
        assertRefused(
                () -> new RiskProperties(
                        null, null, Map.of("EUR", new Thresholds(major(100), major(200))), 3, 5, TEN_MINUTES, DAY, 1),
                "socialbank.payments.risk.step-up.EUR must have new-payee-above <= above");
    }

    @Test
    void refusesMissingValues() {
        assertRefused(
                () -> levels(KycLevel.BASIC, "JPY", new Limits(major(100_000), null, major(1_000_000))),
                "socialbank.payments.risk.limits.claim_only.JPY must be set: every KYC level needs limits in every"
                        + " currency one level has");
        Limits jpy = limits(100_000, 200_000, 1_000_000);
        assertRefused(
                () -> new RiskProperties(
                        Map.of(
                                KycLevel.CLAIM_ONLY,
                                Map.of("JPY", jpy),
                                KycLevel.BASIC,
                                Map.of("JPY", new Limits(major(100_000), null, major(1_000_000))),
                                KycLevel.FULL,
                                Map.of("JPY", jpy)),
                        null,
                        null,
                        3,
                        5,
                        TEN_MINUTES,
                        DAY,
                        1),
                "socialbank.payments.risk.limits.basic.JPY.per-day must be set");
        assertRefused(
                () -> new RiskProperties(
                        Map.of(
                                KycLevel.CLAIM_ONLY,
                                Map.of("JPY", jpy),
                                KycLevel.BASIC,
                                Map.of("JPY", jpy),
                                KycLevel.FULL,
                                Map.of("JPY", jpy)),
                        null,
                        null,
                        3,
                        5,
                        TEN_MINUTES,
                        DAY,
                        1),
                "socialbank.payments.risk.step-up.JPY must be set: every currency with limits needs step-up thresholds");
        assertRefused(
                () -> new RiskProperties(
                        null,
                        Map.of("telegram", Map.of("EUR", new ChannelLimits(major(10), null))),
                        null,
                        3,
                        5,
                        TEN_MINUTES,
                        DAY,
                        1),
                "socialbank.payments.risk.channel-limits.telegram.EUR.per-day must be set");
        assertRefused(
                () -> new RiskProperties(null, null, null, 3, 5, null, DAY, 1),
                "socialbank.payments.risk.burst-window must be positive and at most 1d");
    }

    @Test
    void refusesUnknownCurrenciesAndFractionsOfTheMinorUnit() {
        assertRefused(
                () -> new RiskProperties(
                        null, null, Map.of("XYZ", new Thresholds(major(1), major(1))), 3, 5, TEN_MINUTES, DAY, 1),
                "socialbank.payments.risk.step-up.XYZ: unknown currency XYZ");
        assertRefused(
                () -> levels(KycLevel.BASIC, "IRR", new Limits(new BigDecimal("1.5"), null, null)),
                "socialbank.payments.risk.limits.basic.IRR.per-transaction must be a whole number of IRR minor units"
                        + " and fit in a long: 1.5");
        assertRefused(
                () -> levels(KycLevel.BASIC, "EUR", new Limits(new BigDecimal("10.001"), null, null)),
                "socialbank.payments.risk.limits.basic.EUR.per-transaction must be a whole number of EUR minor units"
                        + " and fit in a long: 10.001");
    }

    @Test
    void refusesRuleSettingsOutOfRange() {
        assertRefused(
                () -> new RiskProperties(null, null, null, -1, 5, TEN_MINUTES, DAY, 1),
                "socialbank.payments.risk.new-payees-per-day-max must be 0..1000");
        assertRefused(
                () -> new RiskProperties(null, null, null, 3, 0, TEN_MINUTES, DAY, 1),
                "socialbank.payments.risk.burst-payments-max must be 1..10000");
        assertRefused(
                () -> new RiskProperties(null, null, null, 3, 5, Duration.ZERO, DAY, 1),
                "socialbank.payments.risk.burst-window must be positive and at most 1d");
        assertRefused(
                () -> new RiskProperties(null, null, null, 3, 5, TEN_MINUTES, Duration.ofHours(-1), 1),
                "socialbank.payments.risk.new-channel-window must be positive and at most 30d");
        assertRefused(
                () -> new RiskProperties(null, null, null, 3, 5, TEN_MINUTES, DAY, -1),
                "socialbank.payments.risk.new-channel-confirmations-min must be 0..100");
    }

    private static RiskProperties levels(KycLevel level, String currency, Limits limits) {
        return new RiskProperties(Map.of(level, Map.of(currency, limits)), null, null, 3, 5, TEN_MINUTES, DAY, 1);
    }

    private static void assertRefused(ThrowingCallable settings, String message) {
        assertThatThrownBy(settings)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
