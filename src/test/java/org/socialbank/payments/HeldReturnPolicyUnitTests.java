package org.socialbank.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.ledger.RejectionCode;

class HeldReturnPolicyUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration FIRST = Duration.ofMinutes(10);
    private static final Duration MAX = Duration.ofDays(1);

    @Test
    @DisplayName(
            "review 2026-12-07 money follow-up: each refused try waits twice as long as the one before, up to the cap")
    void theWaitDoublesUpToTheCap() {
        assertThat(HeldReturnPolicy.wait(1, FIRST, MAX)).isEqualTo(Duration.ofMinutes(10));
        assertThat(HeldReturnPolicy.wait(2, FIRST, MAX)).isEqualTo(Duration.ofMinutes(20));
        assertThat(HeldReturnPolicy.wait(3, FIRST, MAX)).isEqualTo(Duration.ofMinutes(40));
        assertThat(HeldReturnPolicy.wait(8, FIRST, MAX)).isEqualTo(Duration.ofMinutes(1280));
        assertThat(HeldReturnPolicy.wait(9, FIRST, MAX)).isEqualTo(MAX);
        assertThat(HeldReturnPolicy.wait(Integer.MAX_VALUE, FIRST, MAX)).isEqualTo(MAX);
        assertThat(HeldReturnPolicy.after(RejectionCode.ACCOUNT_FROZEN, 3, NOW, FIRST, MAX))
                .isEqualTo(new HeldReturnPolicy.RetryAt(NOW.plus(Duration.ofMinutes(40)), 3));
    }

    @Test
    @DisplayName("review 2026-12-07 money follow-up: a closed account (final in the ledger) is left to operations")
    void aClosedAccountIsSettledByHand() {
        assertThat(HeldReturnPolicy.after(RejectionCode.ACCOUNT_CLOSED, 1, NOW, FIRST, MAX))
                .isEqualTo(new HeldReturnPolicy.SettleByHand("payer_account_closed"));
    }
}
