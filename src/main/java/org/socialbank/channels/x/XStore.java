package org.socialbank.channels.x;

import java.time.Instant;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Account Activity events handled ({@code V15__x.sql}). */
class XStore {

    private final JdbcClient jdbc;

    XStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean handled(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM x_events WHERE event_id = ?").param(eventId).query(Integer.class)
                .single() > 0;
    }

    /** Records the event as handled; false when a concurrent delivery recorded it first. */
    boolean markHandled(String eventId, String kind, Instant now) {
        try {
            return jdbc.sql("INSERT INTO x_events (event_id, kind, received_at) VALUES (?, ?, ?)")
                    .params(eventId, kind, Timestamps.utc(now)).update() == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /**
     * Deletes at most {@code max} event rows received before {@code before} (X replays events at
     * most a few days old); returns how many.
     */
    int deleteBefore(Instant before, int max) {
        java.util.List<String> ids = jdbc.sql("SELECT event_id FROM x_events WHERE received_at < ? ORDER BY received_at "
                + "LIMIT ?").params(Timestamps.utc(before), max).query(String.class).list();
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM x_events WHERE event_id IN (:ids)").param("ids", ids).update();
    }
}
