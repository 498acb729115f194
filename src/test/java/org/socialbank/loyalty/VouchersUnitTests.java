package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.ProviderAnswer;

/** The voucher janitor's start-up check against the rewards partner's timeout, without Spring. */
class VouchersUnitTests {

    @Test
    @DisplayName("review 2026-12-07 loyalty follow-up: the bank refuses to start when the rewards partner's timeout"
            + " is not shorter than voucher-recheck-after")
    void aPartnerTimeoutNotShorterThanTheRecheckAgeStopsTheStart() {
        assertThatThrownBy(
                        () -> Vouchers.requireTimeoutShorterThanRecheck(partner(Duration.ofSeconds(30)), recheck(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("socialbank.loyalty.voucher-recheck-after (PT30S)");
        assertThatThrownBy(
                        () -> Vouchers.requireTimeoutShorterThanRecheck(partner(Duration.ofSeconds(45)), recheck(30)))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> Vouchers.requireTimeoutShorterThanRecheck(partner(Duration.ofSeconds(45)), recheck(60)))
                .doesNotThrowAnyException();
        assertThatCode(() -> Vouchers.requireTimeoutShorterThanRecheck(new Untimed(), recheck(30)))
                .doesNotThrowAnyException(); // the SPI's default, 10s
    }

    private static Rewards partner(Duration timeout) {
        return new Untimed() {
            @Override
            public Duration timeout() {
                return timeout;
            }
        };
    }

    private static LoyaltyProperties recheck(long seconds) {
        return new LoyaltyProperties(
                true,
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                200,
                Set.of("card-purchase"),
                null,
                null,
                Duration.ofDays(730),
                Duration.ofDays(60),
                100,
                Duration.ofSeconds(seconds));
    }

    /** A partner that keeps the SPI's default timeout. */
    private static class Untimed implements Rewards {

        @Override
        public List<Reward> catalogue() {
            return List.of();
        }

        @Override
        public ProviderAnswer issue(UUID orderId, String rewardCode) {
            return new ProviderAnswer.Unknown("timeout");
        }

        @Override
        public ProviderAnswer status(UUID orderId) {
            return new ProviderAnswer.Failed(ProviderAnswer.NOT_RECEIVED);
        }
    }
}
