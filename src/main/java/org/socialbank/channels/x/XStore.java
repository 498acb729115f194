package org.socialbank.channels.x;

import java.time.Instant;
import org.socialbank.channels.jdbc.HandledEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Account Activity events handled ({@code V15__x.sql}). */
class XStore {

    private final HandledEvents events;

    XStore(JdbcClient jdbc) {
        this.events = new HandledEvents(jdbc, "x_events");
    }

    boolean handled(String eventId) {
        return events.handled(eventId);
    }

    /** Records the event as handled; false when a concurrent delivery recorded it first. */
    boolean markHandled(String eventId, String kind, Instant now) {
        return events.markHandled(eventId, kind, now);
    }

    /**
     * Deletes at most {@code max} event rows received before {@code before} (X replays events at
     * most a few days old); returns how many.
     */
    int deleteBefore(Instant before, int max) {
        return events.deleteBefore(before, max);
    }
}
