package org.socialbank.branches;

/** The answer to a booking, a cancellation or a rescheduling: the appointment as it now is, or a refusal. */
public sealed interface BookingResult permits BookingResult.Done, BookingResult.Refused {

    /** @param replayed true when nothing changed: the same request had already been answered */
    record Done(Appointment appointment, boolean replayed) implements BookingResult {}

    record Refused(BookingRefusal refusal) implements BookingResult {}
}
