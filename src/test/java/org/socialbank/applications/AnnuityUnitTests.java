package org.socialbank.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Issue 16 s4: a loan's annuity schedule. */
class AnnuityUnitTests {

    private static final long SEED = 160_004L;

    @Test
    void tenThousandAtSixPercentOverAYearIsTwelveInstalmentsOf860Point66() {
        List<Annuity.Instalment> schedule = Annuity.schedule(1_000_000, 600, 12, LocalDate.parse("2027-01-15"));
        assertThat(Annuity.instalmentMinor(1_000_000, 600, 12)).isEqualTo(86_066); // 860.664 a month
        assertThat(schedule).hasSize(12);
        assertThat(schedule.get(0)).isEqualTo(new Annuity.Instalment(1, LocalDate.parse("2027-02-15"), 81_066, 5_000));
        assertThat(schedule.get(2)).isEqualTo(new Annuity.Instalment(3, LocalDate.parse("2027-04-15"), 81_880, 4_187));
        assertThat(schedule).allSatisfy(i -> assertThat(i.totalMinor()).isBetween(86_066L, 86_067L));
        assertThat(schedule.get(11)).isEqualTo(new Annuity.Instalment(12, LocalDate.parse("2028-01-15"), 85_638, 428));
        assertThat(schedule.stream().mapToLong(Annuity.Instalment::totalMinor).sum())
                .isEqualTo(1_032_796);
    }

    @Test
    void withoutInterestThePrincipalIsSharedAndTheLastTakesTheRest() {
        assertThat(Annuity.schedule(100_000, 0, 3, LocalDate.parse("2027-01-31")))
                .containsExactly(
                        new Annuity.Instalment(1, LocalDate.parse("2027-02-28"), 33_333, 0),
                        new Annuity.Instalment(2, LocalDate.parse("2027-03-31"), 33_334, 0),
                        new Annuity.Instalment(3, LocalDate.parse("2027-04-30"), 33_333, 0));
    }

    @Test
    void refusesWhatIsNotALoan() {
        assertThatThrownBy(() -> Annuity.instalmentMinor(0, 600, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Annuity.instalmentMinor(100, -1, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Annuity.instalmentMinor(100, 600, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(300)
    void thePrincipalsAddUpToTheLoanAndEveryInstalmentIsWithinTwoMinorUnitsOfTheFirst(RepetitionInfo repetition) {
        long seed = SEED + repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        long principal = random.nextLong(10_000, 100_000_000);
        int rate = random.nextBoolean() ? 0 : random.nextInt(0, 10_001); // up to 100 % a year, the settings' maximum
        int months = random.nextInt(1, 601);
        LocalDate paidOut = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(0, 365));
        List<Annuity.Instalment> schedule = Annuity.schedule(principal, rate, months, paidOut);
        long payment = Annuity.instalmentMinor(principal, rate, months);
        String why = "seed " + seed + ": " + principal + " at " + rate + " bp over " + months;
        assertThat(schedule).as(why).hasSize(months);
        assertThat(schedule.stream()
                        .mapToLong(Annuity.Instalment::principalMinor)
                        .sum())
                .as(why)
                .isEqualTo(principal);
        long owed = principal;
        for (Annuity.Instalment i : schedule) {
            assertThat(i.dueOn()).as(why).isEqualTo(paidOut.plusMonths(i.number()));
            assertThat(i.principalMinor()).as(why).isBetween(0L, owed);
            // the interest is the month's rate on what was still owed, to the nearest minor unit
            assertThat(Math.abs(i.interestMinor() * 120_000 - owed * rate))
                    .as(why)
                    .isLessThanOrEqualTo(60_000);
            assertThat(i.totalMinor()).as(why).isBetween(payment - 2, payment + 2);
            owed -= i.principalMinor();
        }
        assertThat(owed).as(why).isZero();
    }
}
