package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A bad setting stops the start with a message naming it; nothing is clamped. */
class SweepingPropertiesUnitTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

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
