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
}
