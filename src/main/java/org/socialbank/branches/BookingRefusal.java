package org.socialbank.branches;

import java.util.Locale;

/**
 * Why a booking, a cancellation or a rescheduling was refused. The codes are stable (clients
 * branch on them); the checks run in the order of declaration, so a request breaking several
 * rules always gets the first one's code.
 */
public enum BookingRefusal {
    /** The id was used for a different booking. */
    ID_REUSED,
    APPOINTMENT_NOT_FOUND,
    CUSTOMER_NOT_FOUND,
    BRANCH_NOT_FOUND,
    /** The appointment was cancelled: it cannot be moved. */
    APPOINTMENT_CANCELLED,
    IN_THE_PAST,
    TOO_FAR_AHEAD,
    SERVICE_NOT_OFFERED,
    /** The branch takes no appointments on that day (or ever: an ATM). */
    BRANCH_CLOSED,
    NOT_A_SLOT_START,
    SLOT_FULL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
