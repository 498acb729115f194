package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.loyalty.PointsTakeBacks.Refunded;
import org.socialbank.loyalty.PointsTakeBacks.Split;
import org.socialbank.support.Seeds;

/**
 * The take-back rule: what is available goes now, what is held is owed, and nothing beyond that; a
 * purchase refunded in parts gives back, in all, exactly the points it earned.
 */
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

    static List<Long> seeds() {
        return Seeds.fixedAndFresh("PointsTakeBacksUnitTests", 20261207L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName(
            "a purchase refunded in random parts gives back exactly its points (review 2026-12-07 loyalty follow-up)")
    void aPurchaseRefundedInRandomPartsGivesBackExactlyItsPoints(long seed) {
        RandomGenerator random = Seeds.random(seed);
        for (int purchase = 0; purchase < 2_000; purchase++) {
            long amount = random.nextLong(2, 1_000_000);
            long earned = amount / random.nextLong(1, 5_000); // as earning rounds: down
            Refunded soFar = new Refunded(0, 0);
            for (long part :
                    LoyaltyFixtures.parts(random, amount, (int) random.nextLong(1, Math.min(amount, 12) + 1))) {
                long share = PointsTakeBacks.share(earned, amount, soFar, part);
                soFar = new Refunded(soFar.refundedMinor() + part, soFar.points() + share);
                assertThat(soFar.points())
                        .as(
                                "%s: %d of %d refunded, %d earned",
                                Seeds.replay(seed), soFar.refundedMinor(), amount, earned)
                        .isEqualTo(earned * soFar.refundedMinor() / amount) // floor of the share refunded so far
                        .isLessThanOrEqualTo(earned);
            }
            assertThat(soFar.points()).as(Seeds.replay(seed)).isEqualTo(earned);
            assertThat(PointsTakeBacks.share(earned, amount, soFar, random.nextLong(1, amount + 1)))
                    .as("refunded beyond the purchase: nothing more")
                    .isZero();
        }
    }

    @Test
    @DisplayName("1 point on 3.00 EUR refunded as 1.50 + 1.50 is taken back (review 2026-12-07 loyalty follow-up)")
    void twoHalvesOfAOnePointPurchaseTakeItsPointBack() {
        assertThat(PointsTakeBacks.share(1, 300, new Refunded(0, 0), 150)).isZero();
        assertThat(PointsTakeBacks.share(1, 300, new Refunded(150, 0), 150)).isEqualTo(1);
        assertThat(PointsTakeBacks.share(0, 300, new Refunded(0, 0), 300)).isZero(); // earned nothing: takes nothing
        assertThat(PointsTakeBacks.share(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, new Refunded(0, 0), 3))
                .isEqualTo(3); // no overflow
    }
}
