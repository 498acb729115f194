package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.loyalty.PointsTakeBacks.Split;

/** The take-back rule: what is available goes now, what is held is owed, and nothing beyond that. */
class PointsTakeBacksUnitTests {

    @Test
    @DisplayName("review 2026-12-07 money #3: a refund takes what is available and owes only what is held")
    void aRefundTakesWhatIsAvailableAndOwesOnlyWhatIsHeld() {
        assertThat(Split.refund(1_000, 700, 300)).isEqualTo(new Split(700, 300));
        assertThat(Split.refund(1_000, 200, 300)).isEqualTo(new Split(200, 300)); // the rest was spent: forgiven
        assertThat(Split.refund(100, 700, 300)).isEqualTo(new Split(100, 0));
        assertThat(Split.refund(100, 0, 0)).isEqualTo(new Split(0, 0));
    }

    @Test
    @DisplayName(
            "review 2026-12-07 money #3: what is owed is taken from a released hold, and capped by what is still held")
    void whatIsOwedIsTakenFromAReleasedHoldAndCappedByWhatIsStillHeld() {
        assertThat(Split.holdEnded(300, 300, 300, 0)).isEqualTo(new Split(300, 0)); // released: all back, all taken
        assertThat(Split.holdEnded(400, 300, 300, 200)).isEqualTo(new Split(300, 100));
        assertThat(Split.holdEnded(400, 0, 500, 200)).isEqualTo(new Split(0, 200)); // spent: new points stay
        assertThat(Split.holdEnded(300, 0, 0, 0)).isEqualTo(new Split(0, 0));
        assertThat(Split.holdEnded(100, 300, 300, 0)).isEqualTo(new Split(100, 0));
    }
}
