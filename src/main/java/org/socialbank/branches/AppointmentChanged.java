package org.socialbank.branches;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An appointment was booked, cancelled or moved: published in the transaction that changed it,
 * once per change (a replay publishes nothing), with what the customer's chat needs (the
 * conversation engine writes it to its outbox there, unless she made the change in her chat).
 *
 * @param appointment the appointment as it now is
 * @param previousStart where a moved appointment was before (null unless {@code RESCHEDULED})
 */
public record AppointmentChanged(
        Change change,
        AppointmentActor by,
        Appointment appointment,
        Instant previousStart,
        String branchName,
        String branchAddress,
        ZoneId zone) {

    public enum Change {
        BOOKED,
        CANCELLED,
        RESCHEDULED
    }
}
