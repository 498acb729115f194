package org.socialbank.branches;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Whether a time at a branch can be booked: a pure rule over the branch's schedule and the clock. */
public final class BookingPolicy {

    private BookingPolicy() {}

    /** The first rule {@code start} breaks (in {@link BookingRefusal}'s order), or none. */
    public static Optional<BookingRefusal> check(
            BranchSchedule schedule, OffsetDateTime start, String service, Instant now, Duration horizon) {
        Instant at = start.toInstant();
        if (!at.isAfter(now)) {
            return Optional.of(BookingRefusal.IN_THE_PAST);
        }
        if (at.isAfter(now.plus(horizon))) {
            return Optional.of(BookingRefusal.TOO_FAR_AHEAD);
        }
        if (service != null && !schedule.offers(service)) {
            return Optional.of(BookingRefusal.SERVICE_NOT_OFFERED);
        }
        if (schedule.on(start.atZoneSameInstant(schedule.zone()).getDayOfWeek()).isEmpty()) {
            return Optional.of(BookingRefusal.BRANCH_CLOSED);
        }
        if (!Slots.isStart(schedule, start)) {
            return Optional.of(BookingRefusal.NOT_A_SLOT_START);
        }
        return Optional.empty();
    }
}
