package org.socialbank.branches;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The slot starts of a day, from the branch's opening hours in its own zone: every
 * {@code slotMinutes} from opening, while a whole slot ends by closing. A wall-clock time that a
 * daylight-saving change skips has no slot; one it repeats has two (each its own instant).
 */
public final class Slots {

    /** The most slots one day has (a day of 5-minute slots). */
    public static final int PER_DAY_MAX = 24 * 60 / BranchSchedule.SLOT_MINUTES_MIN * 2;

    private Slots() {}

    public static List<OffsetDateTime> starts(BranchSchedule schedule, LocalDate date) {
        Optional<OpeningHours> hours = schedule.on(date.getDayOfWeek());
        if (hours.isEmpty()) {
            return List.of();
        }
        ZoneRules rules = schedule.zone().getRules();
        List<OffsetDateTime> starts = new ArrayList<>();
        LocalDateTime closes = date.atTime(hours.get().closes());
        for (LocalDateTime at = date.atTime(hours.get().opens());
                !at.plusMinutes(schedule.slotMinutes()).isAfter(closes) && starts.size() < PER_DAY_MAX;
                at = at.plusMinutes(schedule.slotMinutes())) {
            for (ZoneOffset offset : rules.getValidOffsets(at)) { // none in a gap, two in an overlap
                starts.add(OffsetDateTime.of(at, offset));
            }
        }
        return List.copyOf(starts);
    }

    /** Whether {@code start} is one of its day's slot starts at the branch (as an instant). */
    public static boolean isStart(BranchSchedule schedule, OffsetDateTime start) {
        LocalDate date = start.atZoneSameInstant(schedule.zone()).toLocalDate();
        return starts(schedule, date).stream().anyMatch(s -> s.toInstant().equals(start.toInstant()));
    }
}
