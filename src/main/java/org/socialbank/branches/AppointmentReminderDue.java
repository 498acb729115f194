package org.socialbank.branches;

import java.time.Instant;
import java.time.ZoneId;
import org.socialbank.directory.CustomerId;

/**
 * An appointment's reminder is due: published once, in the transaction that marks it reminded,
 * with what the customer's chat needs (the conversation engine writes it to its outbox there).
 */
public record AppointmentReminderDue(
        AppointmentId appointmentId,
        CustomerId customerId,
        String branchId,
        String branchName,
        String branchAddress,
        Instant start,
        ZoneId zone,
        String service,
        String code) {}
