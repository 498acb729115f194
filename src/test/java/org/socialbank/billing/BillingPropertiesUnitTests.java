package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A bad billing setting stops the start with a clear message; the defaults carry Iran's and China's operators. */
class BillingPropertiesUnitTests {

    @Test
    void theDefaultsHoldIransAndChinasOperatorsAndTheRialCardLimit() {
        BillingProperties properties = properties(Map.of(), Map.of(), null);
        assertThat(properties.operators())
                .containsKeys("mci", "irancell", "rightel", "china_mobile", "china_unicom", "china_telecom");
        assertThat(properties.cardDailyLimitsMinor()).containsEntry("IRR", 100_000_000L);
    }

    @Test
    @DisplayName(
            "setting one currency's card daily limit keeps the shipped rial one (review 2026-12-07 docs follow-up)")
    void oneConfiguredCardLimitKeepsTheShippedOne() {
        Map<String, String> source = Map.of("socialbank.billing.card-daily-limits-minor.EUR", "200000");

        BillingProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("socialbank.billing", BillingProperties.class);

        assertThat(properties.cardDailyLimitsMinor())
                .containsExactlyInAnyOrderEntriesOf(Map.of("EUR", 200_000L, "IRR", 100_000_000L));
    }

    @Test
    void configuredOperatorsAreAddedToTheDefaults() {
        BillingProperties properties = properties(
                Map.of(),
                Map.of("mts", new OperatorSettings("RU", "RUB", List.of(10_000L, 30_000L), List.of("MTS"))),
                null);
        assertThat(properties.operators()).containsKeys("mts", "mci");
    }

    @Test
    void refusesBadValuesWithTheirPropertyName() {
        assertThatThrownBy(() -> properties(Map.of(3, "power"), Map.of(), null))
                .hasMessageContaining("socialbank.billing.service-labels");
        assertThatThrownBy(() -> properties(Map.of(), Map.of(), Map.of("XYZ", 5L)))
                .hasMessageContaining("socialbank.billing.card-daily-limits-minor");
        assertThatThrownBy(() -> new OperatorSettings("IR", "IRR", List.of(), List.of()))
                .hasMessageContaining("amounts-minor");
    }

    private static BillingProperties properties(
            Map<Integer, String> labels, Map<String, OperatorSettings> operators, Map<String, Long> cardLimits) {
        return new BillingProperties(
                labels,
                Duration.ofDays(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                50,
                operators,
                Map.of(),
                cardLimits,
                new BillingProperties.Sandbox(List.of()),
                Duration.ofDays(3),
                Duration.ofHours(1),
                new BillingProperties.AccountBillerSettings(null, null, Duration.ofSeconds(5), Duration.ofMinutes(30)),
                Duration.ofMinutes(15));
    }
}
