package org.socialbank.branches;

import java.util.Locale;

/** An appointment is booked until it is cancelled; a rescheduled one stays booked at its new time. */
public enum AppointmentStatus {
    BOOKED,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
