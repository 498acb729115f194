package org.socialbank.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PayoutsPropertiesUnitTests {

    private static final PayoutsProperties.Sandbox SANDBOX = new PayoutsProperties.Sandbox(Duration.ofSeconds(5), null);

    private static PayoutsProperties properties(
            int batchMax, Duration lease, Duration checkInterval, Duration checkIntervalMax) {
        return new PayoutsProperties(
                true,
                Duration.ofSeconds(1),
                batchMax,
                lease,
                checkInterval,
                checkIntervalMax,
                5,
                Duration.ofSeconds(5),
                Duration.ofDays(3),
                SANDBOX);
    }

    private static PayoutsProperties doubts(Duration lease, Duration clockSkewMax, Duration reviewAfter) {
        return new PayoutsProperties(
                true,
                Duration.ofSeconds(1),
                50,
                lease,
                Duration.ofSeconds(2),
                Duration.ofMinutes(10),
                5,
                clockSkewMax,
                reviewAfter,
                SANDBOX);
    }

    @Test
    @DisplayName("clock-skew-max is 0..1m and shorter than the lease; review-after is 1m..90d (review 2026-12-07 "
            + "payout follow-up)")
    void boundsTheClockSkewAndTheReviewAge() {
        assertThat(doubts(Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(1))
                        .clockSkewMax())
                .isZero();
        assertThat(doubts(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(90))
                        .reviewAfter())
                .isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> doubts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofDays(3)))
                .hasMessageContaining("socialbank.payouts.clock-skew-max");
        assertThatThrownBy(() -> doubts(Duration.ofMinutes(5), Duration.ofSeconds(61), Duration.ofDays(3)))
                .hasMessageContaining("socialbank.payouts.clock-skew-max");
        assertThatThrownBy(() -> doubts(Duration.ofSeconds(30), Duration.ofSeconds(-1), Duration.ofDays(3)))
                .hasMessageContaining("socialbank.payouts.clock-skew-max");
        assertThatThrownBy(() -> doubts(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(59)))
                .hasMessageContaining("socialbank.payouts.review-after");
        assertThatThrownBy(() -> doubts(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofDays(91)))
                .hasMessageContaining("socialbank.payouts.review-after");
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
