package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a standing rule pulls, walked day by day over months, month ends and a leap year included. */
class RuleScheduleUnitTests {

    @Test
    void theThirtyFirstFallsOnEachMonthsLastDay() {
        assertThat(RuleSchedule.dueDate(31, YearMonth.of(2027, 2))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(RuleSchedule.dueDate(31, YearMonth.of(2028, 2))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(RuleSchedule.dueDate(31, YearMonth.of(2027, 4))).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(RuleSchedule.dueDate(30, YearMonth.of(2027, 1))).isEqualTo(LocalDate.of(2027, 1, 30));
    }

    @Test
    void walkingEveryDayForFifteenMonthsPullsOncePerMonthOnItsDay() {
        for (int day : new int[] {1, 15, 29, 30, 31}) {
            LocalDate created = LocalDate.of(2026, 12, 2);
            List<LocalDate> firstDueDays = new ArrayList<>();
            List<YearMonth> pulled = new ArrayList<>();
            for (LocalDate d = created; d.isBefore(LocalDate.of(2028, 3, 1)); d = d.plusDays(1)) {
                Optional<YearMonth> due = RuleSchedule.dueMonth(day, created, d);
                if (due.isPresent() && !pulled.contains(due.get())) {
                    pulled.add(due.get());
                    firstDueDays.add(d);
                }
            }
            assertThat(firstDueDays)
                    .as("day %d", day)
                    .allMatch(d -> d.equals(RuleSchedule.dueDate(day, YearMonth.from(d))));
            // created on 2 December: a rule on the 1st first pulls in January
            assertThat(pulled.get(0)).isEqualTo(day == 1 ? YearMonth.of(2027, 1) : YearMonth.of(2026, 12));
            assertThat(pulled.get(pulled.size() - 1)).isEqualTo(YearMonth.of(2028, 2));
        }
    }

    @Test
    void aNodeThatWasDownOnTheDayCatchesUpLaterThatMonthButNotTheNext() {
        assertThat(RuleSchedule.dueMonth(1, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 5)))
                .contains(YearMonth.of(2027, 1));
        assertThat(RuleSchedule.dueMonth(20, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 5)))
                .isEmpty();
    }

    @Test
    void thePullIdDependsOnlyOnTheRuleAndTheMonth() {
        RuleId rule = new RuleId(UUID.randomUUID());
        assertThat(RuleSchedule.pullId(rule, YearMonth.of(2027, 1)))
                .isEqualTo(RuleSchedule.pullId(rule, YearMonth.of(2027, 1)));
        assertThat(RuleSchedule.pullId(rule, YearMonth.of(2027, 1)))
                .isNotEqualTo(RuleSchedule.pullId(rule, YearMonth.of(2027, 2)));
    }
}
