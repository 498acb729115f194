package org.socialbank.branches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotsUnitTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static BranchSchedule paris(Map<DayOfWeek, OpeningHours> hours) {
        return new BranchSchedule("PAR-T", PARIS, Set.of("mortgage", "cash"), hours, 30, 2);
    }

    static Map<DayOfWeek, OpeningHours> weekdays(String opens, String closes) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, OpeningHours.of(opens, closes));
        }
        return hours;
    }

    @Test
    void aWorkingDayIsCutIntoWholeSlotsFromOpeningToClosing() {
        List<OffsetDateTime> starts = Slots.starts(paris(weekdays("09:00", "17:30")), LocalDate.of(2026, 12, 3));
        assertThat(starts).hasSize(17);
        assertThat(starts.get(0)).isEqualTo(OffsetDateTime.parse("2026-12-03T09:00+01:00"));
        assertThat(starts.get(16)).isEqualTo(OffsetDateTime.parse("2026-12-03T17:00+01:00"));
        // a slot that would end after closing is not offered
        assertThat(Slots.starts(paris(weekdays("09:00", "10:45")), LocalDate.of(2026, 12, 3)))
                .extracting(OffsetDateTime::toLocalTime)
                .extracting(Object::toString)
                .containsExactly("09:00", "09:30", "10:00");
    }

    @Test
    void aDayWithoutHoursIsClosed() {
        BranchSchedule schedule = paris(weekdays("09:00", "17:30"));
        assertThat(Slots.starts(schedule, LocalDate.of(2026, 12, 6))).isEmpty(); // a Sunday
        assertThat(Slots.isStart(schedule, OffsetDateTime.parse("2026-12-06T09:00+01:00")))
                .isFalse();
    }

    @Test
    void slotsFollowParisAcrossTheSpringChange() {
        Map<DayOfWeek, OpeningHours> hours = weekdays("09:00", "12:00");
        hours.put(DayOfWeek.SATURDAY, OpeningHours.of("09:00", "12:00"));
        hours.put(DayOfWeek.SUNDAY, OpeningHours.of("01:00", "04:00")); // a night counter, to cross 02:00
        BranchSchedule schedule = paris(hours);
        assertThat(Slots.starts(schedule, LocalDate.of(2026, 3, 28)).get(0))
                .isEqualTo(OffsetDateTime.parse("2026-03-28T09:00+01:00"));
        assertThat(Slots.starts(schedule, LocalDate.of(2026, 3, 30)).get(0))
                .isEqualTo(OffsetDateTime.parse("2026-03-30T09:00+02:00"));
        // 02:00 to 03:00 does not exist on 29 March 2026 in Paris: no slot starts in it
        assertThat(Slots.starts(schedule, LocalDate.of(2026, 3, 29)))
                .containsExactly(
                        OffsetDateTime.parse("2026-03-29T01:00+01:00"), OffsetDateTime.parse("2026-03-29T01:30+01:00"),
                        OffsetDateTime.parse("2026-03-29T03:00+02:00"), OffsetDateTime.parse("2026-03-29T03:30+02:00"));
    }

    @Test
    void theRepeatedHourInAutumnHasItsSlotsTwice() {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        hours.put(DayOfWeek.SUNDAY, OpeningHours.of("01:00", "04:00"));
        List<OffsetDateTime> starts = Slots.starts(paris(hours), LocalDate.of(2026, 10, 25));
        assertThat(starts)
                .hasSize(8)
                .contains(
                        OffsetDateTime.parse("2026-10-25T02:30+02:00"), OffsetDateTime.parse("2026-10-25T02:30+01:00"));
        assertThat(starts.stream().map(OffsetDateTime::toInstant).distinct()).hasSize(8);
        // 2h30 of wall clock between the first and the last start, plus the hour lived twice
        assertThat(Duration.between(starts.get(0), starts.get(7))).isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void aStartIsRecognisedWhateverOffsetItIsWrittenIn() {
        BranchSchedule schedule = paris(weekdays("09:00", "17:30"));
        assertThat(Slots.isStart(schedule, OffsetDateTime.parse("2026-12-03T08:00Z")))
                .isTrue(); // 09:00 in Paris
        assertThat(Slots.isStart(schedule, OffsetDateTime.parse("2026-12-03T09:00Z")))
                .isTrue(); // 10:00
        assertThat(Slots.isStart(schedule, OffsetDateTime.parse("2026-12-03T09:10+01:00")))
                .isFalse();
        assertThat(Slots.isStart(schedule, OffsetDateTime.parse("2026-12-03T17:30+01:00")))
                .isFalse(); // closing
    }
}
