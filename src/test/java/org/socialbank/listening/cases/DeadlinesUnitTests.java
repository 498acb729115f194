package org.socialbank.listening.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Seeds;

/** Deadlines of cases (issue 20 s3): minutes around the clock, business days skipping weekends. */
class DeadlinesUnitTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final Deadlines deadlines = new Deadlines(Duration.ofMinutes(60), 15, PARIS);

    @Test
    void aPublicMentionIsDueAnHourLaterEvenOnASunday() {
        Clock sunday = Clock.fixed(Instant.parse("2026-12-06T22:30:00Z"), ZoneOffset.UTC);
        assertThat(deadlines.due(CaseKind.PUBLIC_MENTION, sunday.instant()))
                .isEqualTo(Instant.parse("2026-12-06T23:30:00Z"));
    }

    @Test
    void aComplaintOnAWednesdayIsDueAtTheEndOfTheFifteenthBusinessDay() {
        // Wednesday 2 December 2026, 10:00 in Paris: business days 3, 4, 7..11, 14..18, 21, 22, 23
        Clock wednesday = Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
        assertThat(deadlines
                        .due(CaseKind.COMPLAINT, wednesday.instant())
                        .atZone(PARIS)
                        .toLocalDateTime())
                .isEqualTo(LocalDate.of(2026, 12, 24).atStartOfDay());
    }

    @Test
    void aComplaintOnAFridayOrASaturdayCountsFromMonday() {
        Instant friday = Instant.parse("2026-12-04T15:00:00Z");
        Instant saturday = Instant.parse("2026-12-05T15:00:00Z");
        assertThat(Deadlines.plusBusinessDays(friday, 1, PARIS).atZone(PARIS).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(Deadlines.plusBusinessDays(saturday, 1, PARIS))
                .isEqualTo(Deadlines.plusBusinessDays(friday, 1, PARIS));
    }

    @Test
    void theBusinessDayIsTheBanksNotUtcs() {
        // 23:30 UTC on Friday is already Saturday in Paris
        Instant lateFriday = Instant.parse("2026-12-04T23:30:00Z");
        assertThat(Deadlines.plusBusinessDays(lateFriday, 1, PARIS)
                        .atZone(PARIS)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(Deadlines.plusBusinessDays(lateFriday, 1, ZoneOffset.UTC)
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 8));
    }

    /** Any start, any n: the deadline ends a business day, and exactly n business days lie between. */
    @RepeatedTest(20)
    void businessDaysAreCountedExactly() {
        long seed = Seeds.seed("DeadlinesUnitTests");
        RandomGenerator random = Seeds.random(seed);
        Instant from = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(0, 3L * 365 * 86_400));
        int n = random.nextInt(1, 40);
        LocalDate last = Deadlines.plusBusinessDays(from, n, PARIS)
                .atZone(PARIS)
                .toLocalDate()
                .minusDays(1);
        assertThat(last.getDayOfWeek()).as(Seeds.replay(seed)).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        long counted = from.atZone(PARIS)
                .toLocalDate()
                .plusDays(1)
                .datesUntil(last.plusDays(1))
                .filter(d -> Deadlines.isBusinessDay(d.getDayOfWeek()))
                .count();
        assertThat(counted).as(Seeds.replay(seed) + ", from %s, n %d", from, n).isEqualTo(n);
    }
}
