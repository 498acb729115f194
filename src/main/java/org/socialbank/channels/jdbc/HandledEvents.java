package org.socialbank.channels.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One platform's handled webhook events, in a table of its own ({@code event_id} unique, {@code
 * kind}, {@code received_at}): X's {@code x_events}, WhatsApp's {@code whatsapp_events}.
 */
public final class HandledEvents {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z_]{0,62}");

    private final JdbcClient jdbc;
    private final String table;

    /** @param table the adapter's own table name (a constant of the adapter, never input) */
    public HandledEvents(JdbcClient jdbc, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    public boolean handled(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE event_id = ?")
                        .param(eventId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Records the event as handled; false when a concurrent delivery recorded it first. */
    public boolean markHandled(String eventId, String kind, Instant now) {
        try {
            return jdbc.sql("INSERT INTO " + table + " (event_id, kind, received_at) VALUES (?, ?, ?)")
                            .params(eventId, kind, Timestamps.utc(now))
                            .update()
                    == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** Deletes at most {@code max} events received before {@code before}; returns how many. */
    public int deleteBefore(Instant before, int max) {
        List<String> ids = jdbc.sql(
                        "SELECT event_id FROM " + table + " WHERE received_at < ? ORDER BY received_at " + "LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query(String.class)
                .list();
        return ids.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM " + table + " WHERE event_id IN (:ids)")
                        .param("ids", ids)
                        .update();
    }
}
