package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.StatementRule.Amounts;
import org.socialbank.cards.StatementRule.Cycle;

class StatementRuleUnitTests {

    private static final long SEED = System.nanoTime();
    /** The defaults for euros: 10 %, floor 10.00, late fee 5 % at least 1.00, 0.05 % a day. */
    private final StatementRule euros = new StatementRule(10, 1_000, 5, 100, 5);

    @Test
    void aFirstStatementAsksTenPercentOfPurchasesAtLeastTheFloor() {
        Amounts big = euros.apply(new Cycle(0, 0, 0, 50_000, 0, 0, 31, 300_000));
        assertThat(big.balanceMinor()).isEqualTo(50_000);
        assertThat(big.minimumPaymentMinor()).isEqualTo(5_000);
        assertThat(big.lateFeeMinor()).isZero();
        assertThat(big.interestMinor()).isZero();
        Amounts small = euros.apply(new Cycle(0, 0, 0, 2_001, 0, 0, 31, 300_000));
        assertThat(small.minimumPaymentMinor()).as("the floor").isEqualTo(1_000);
        Amounts tiny = euros.apply(new Cycle(0, 0, 0, 500, 0, 0, 31, 300_000));
        assertThat(tiny.minimumPaymentMinor()).as("never more than the balance").isEqualTo(500);
        assertThat(euros.apply(new Cycle(0, 0, 0, 0, 0, 0, 31, 300_000)).minimumPaymentMinor())
                .isZero();
        assertThat(euros.apply(new Cycle(0, 0, 0, 1_234, 0, 0, 31, 300_000)).minimumPaymentMinor())
                .as("rounded up")
                .isEqualTo(1_000);
        assertThat(new StatementRule(10, 0, 5, 0, 5)
                        .apply(new Cycle(0, 0, 0, 1_231, 0, 0, 31, 300_000))
                        .minimumPaymentMinor())
                .isEqualTo(124);
    }

    @Test
    void paidInFullIsInterestFree() {
        Amounts a = euros.apply(new Cycle(20_000, 2_000, 20_000, 7_000, 0, 20_000, 31, 300_000));
        assertThat(a.interestMinor()).isZero();
        assertThat(a.lateFeeMinor()).isZero();
        assertThat(a.balanceMinor()).isEqualTo(7_000);
        assertThat(a.creditsMinor()).isEqualTo(20_000);
    }

    @Test
    void theMinimumOnlyCostsInterestOnWhatWasLeftButNoLateFee() {
        Amounts a = euros.apply(new Cycle(20_000, 2_000, 2_000, 0, 0, 2_000, 28, 300_000));
        assertThat(a.lateFeeMinor()).isZero();
        assertThat(a.interestMinor()).isEqualTo(18_000L * 5 * 28 / 10_000); // 252
        assertThat(a.balanceMinor()).isEqualTo(18_252);
        assertThat(a.minimumPaymentMinor()).isEqualTo(1_000);
    }

    @Test
    void unpaidCostsALateFeeAndInterestAndTheUnpaidMinimumComesBack() {
        Amounts a = euros.apply(new Cycle(18_252, 1_000, 0, 0, 0, 0, 31, 300_000));
        assertThat(a.lateFeeMinor()).as("5 %% of 10.00 is below the 1.00 floor").isEqualTo(100);
        assertThat(a.interestMinor()).as("18252 * 0.05 %% * 31 = 282.9").isEqualTo(283);
        assertThat(a.balanceMinor()).isEqualTo(18_635);
        assertThat(a.minimumPaymentMinor()).isEqualTo(100 + 283 + 1_000);
    }

    @Test
    void theAmountOverTheLimitIsDueAtOnce() {
        Amounts a = euros.apply(new Cycle(0, 0, 0, 12_000, 0, 0, 30, 10_000));
        assertThat(a.minimumPaymentMinor()).isEqualTo(1_200 + 2_000);
    }

    @RepeatedTest(200)
    void invariantsHoldForAnyCycle(RepetitionInfo repetition) {
        long seed = SEED + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        long previous = random.nextLong(0, 1_000_000);
        long previousMinimum = previous == 0 ? 0 : random.nextLong(0, previous + 1);
        long paid = random.nextLong(0, previous + 1);
        long purchases = random.nextLong(0, 500_000);
        long refunds = random.nextLong(0, purchases + 1);
        StatementRule rule = new StatementRule(
                1 + random.nextInt(100),
                random.nextLong(0, 5_000),
                random.nextInt(101),
                random.nextLong(0, 1_000),
                random.nextInt(20));
        Amounts a = rule.apply(new Cycle(
                previous,
                previousMinimum,
                paid,
                purchases,
                refunds,
                paid,
                28 + random.nextInt(4),
                random.nextLong(1, 2_000_000)));
        String why = "seed " + seed;
        assertThat(a.balanceMinor())
                .as(why)
                .isEqualTo(previous - paid + purchases - refunds + a.lateFeeMinor() + a.interestMinor());
        assertThat(a.minimumPaymentMinor()).as(why).isBetween(0L, Math.max(0, a.balanceMinor()));
        if (a.balanceMinor() > 0) {
            assertThat(a.minimumPaymentMinor())
                    .as(why)
                    .isGreaterThanOrEqualTo(Math.min(a.balanceMinor(), rule.minimumFloorMinor()))
                    .isGreaterThanOrEqualTo(Math.min(a.balanceMinor(), a.lateFeeMinor() + a.interestMinor()));
        }
        if (paid >= previous) {
            assertThat(a.interestMinor()).as(why).isZero();
        }
        if (paid >= previousMinimum) {
            assertThat(a.lateFeeMinor()).as(why).isZero();
        }
    }

    @Test
    void theFirstStatementIsTheFirstStatementDayAfterTheIssue() {
        assertThat(StatementCycle.firstStatementDate(LocalDate.of(2026, 1, 10), 15))
                .isEqualTo("2026-01-15");
        assertThat(StatementCycle.firstStatementDate(LocalDate.of(2026, 1, 15), 15))
                .isEqualTo("2026-02-15");
        assertThat(StatementCycle.firstStatementDate(LocalDate.of(2026, 12, 20), 5))
                .isEqualTo("2027-01-05");
    }
}
