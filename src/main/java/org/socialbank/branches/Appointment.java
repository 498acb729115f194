package org.socialbank.branches;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * A customer's place in one slot at a branch.
 *
 * @param service what the customer comes for, or null when not said
 * @param code the booking code shown at the counter
 * @param remindedAt when the reminder went out; for a booking made less than a reminder's lead
 *     ahead, the booking time (its confirmation is its reminder)
 */
public record Appointment(
        AppointmentId id,
        CustomerId customerId,
        String branchId,
        Instant start,
        String service,
        String code,
        AppointmentStatus status,
        String channel,
        Instant createdAt,
        Instant updatedAt,
        Instant remindedAt) {}
