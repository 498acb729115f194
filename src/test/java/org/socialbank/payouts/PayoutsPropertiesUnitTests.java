package org.socialbank.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutsPropertiesUnitTests {

    private static final PayoutsProperties.Sandbox SANDBOX = new PayoutsProperties.Sandbox(Duration.ofSeconds(5), null);

    private static PayoutsProperties properties(
            int batchMax, Duration lease, Duration checkInterval, Duration checkIntervalMax) {
        return new PayoutsProperties(
                true, Duration.ofSeconds(1), batchMax, lease, checkInterval, checkIntervalMax, 5, SANDBOX);
    }

    @Test
    void acceptsTheDefaults() {
        assertThat(properties(50, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(10))
                        .batchMax())
                .isEqualTo(50);
        assertThat(SANDBOX.failAccounts()).isEmpty();
    }

    @Test
    void refusesValuesOutOfRangeNamingTheProperty() {
        assertThatThrownBy(() -> properties(0, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(10)))
                .hasMessageContaining("socialbank.payouts.batch-max");
        assertThatThrownBy(() -> properties(50, Duration.ZERO, Duration.ofSeconds(2), Duration.ofMinutes(10)))
                .hasMessageContaining("socialbank.payouts.lease");
        assertThatThrownBy(() -> properties(50, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .hasMessageContaining("socialbank.payouts.check-interval-max");
        assertThatThrownBy(() -> new PayoutsProperties.Sandbox(Duration.ofSeconds(-1), List.of()))
                .hasMessageContaining("socialbank.payouts.sandbox.settle-after");
    }
}
