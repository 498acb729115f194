package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A bad setting stops the start with a message naming it; nothing is clamped. */
class SweepingPropertiesUnitTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    @DisplayName("setting one currency's step-up threshold keeps the shipped ones (review 2026-12-07 docs follow-up)")
    void oneConfiguredStepUpCurrencyKeepsTheShippedOnes() {
        Map<String, String> source = Map.of("socialbank.sweeping.step-up.above-minor.EUR", "50000");

        StepUpProperties properties = new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("socialbank.sweeping.step-up", StepUpProperties.class);

        assertThat(properties.aboveMinor())
                .containsEntry("EUR", 50_000L)
                .containsEntry("IRR", 500_000_000L)
                .hasSize(StepUpProperties.DEFAULTS.size());
    }

    @Test
    void refusesValuesOutsideTheirBounds() {
        assertThatThrownBy(() -> new SweepingProperties(
                        PARIS, Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(10), true, 50, 1096))
                .hasMessageContaining("recheck-after");
        assertThatThrownBy(() -> new SweepingProperties(
                        PARIS, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofDays(1), true, 50, 1096))
                .hasMessageContaining("rules-interval");
        assertThatThrownBy(() -> new SweepingProperties(
                        PARIS, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(10), true, 0, 1096))
                .hasMessageContaining("batch-max");
        assertThatThrownBy(() -> new SweepingProperties(
                        PARIS, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(10), true, 50, 0))
                .hasMessageContaining("consent-days-max");
    }
}
