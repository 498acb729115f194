package org.socialbank.channels.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.channels.jdbc.HandledEvents;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The channel's rows ({@code V26__whatsapp.sql}): webhook events handled, each user's 24-hour
 * customer-service window, and the bank's accepted messages with the status Meta last reported.
 */
class WhatsAppStore {

    /** The columns of a {@link Sent}, read by {@link #row}. */
    private static final String SENT_SQL =
            "SELECT wamid, outbox_id, recipient, kind, status, error_code, error_title FROM whatsapp_messages ";

    private final JdbcClient jdbc;
    private final HandledEvents events;
    private final TransactionTemplate savepoints;

    WhatsAppStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = new HandledEvents(jdbc, "whatsapp_events");
        this.savepoints = new TransactionTemplate(transactions);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Runs an insert of a row that may exist already under a savepoint and says whether it wrote
     * one. INSERT ... WHERE NOT EXISTS still races: a concurrent insert of the same key fails it
     * once the other commits, and a failed statement aborts a whole PostgreSQL transaction (the
     * statuses' one); under the savepoint only the savepoint is rolled back, and a duplicate key
     * counts as "there already" (reread 2026-12-08, as {@code JdbcCapHolders} does).
     */
    private boolean insertedOnce(StatementSpec insert) {
        try {
            Integer inserted = savepoints.execute(status -> insert.update());
            return inserted != null && inserted == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    boolean handled(String eventId) {
        return events.handled(eventId);
    }

    /** Records the event as handled; false when a concurrent delivery recorded it first. */
    boolean markHandled(String eventId, String kind, Instant now) {
        return events.markHandled(eventId, kind, now);
    }

    /**
     * The user wrote at {@code at}: the window is open again from then (never moved back by a late
     * redelivery). Meta's timestamps are whole seconds, so a message in the same second as the last
     * one reopens a window Meta closed meanwhile too ({@link #windowOpen} still checks the time).
     */
    void wrote(String waId, Instant at) {
        int updated = jdbc.sql("UPDATE whatsapp_windows SET last_inbound_at = ?, closed = FALSE WHERE wa_id = ? "
                        + "AND last_inbound_at <= ?")
                .params(Timestamps.utc(at), waId, Timestamps.utc(at))
                .update();
        if (updated == 1 || window(waId).isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO whatsapp_windows (wa_id, last_inbound_at, closed) VALUES (?, ?, FALSE)")
                    .params(waId, Timestamps.utc(at))
                    .update();
        } catch (DuplicateKeyException raced) {
            wrote(waId, at); // another message of this user inserted it first
        }
    }

    /** Whether free-form messages may go to the user at {@code now}, {@code margin} before the window ends. */
    boolean windowOpen(String waId, Instant now, Duration margin) {
        return window(waId)
                .filter(w -> !w.closed())
                .map(w -> w.lastInboundAt()
                        .plus(WhatsAppProperties.WINDOW)
                        .minus(margin)
                        .isAfter(now))
                .orElse(false);
    }

    /** Meta said the window is closed (131047): believed until the user writes again. */
    void closeWindow(String waId) {
        jdbc.sql("UPDATE whatsapp_windows SET closed = TRUE WHERE wa_id = ?")
                .param(waId)
                .update();
    }

    private Optional<Window> window(String waId) {
        return jdbc.sql("SELECT last_inbound_at, closed FROM whatsapp_windows WHERE wa_id = ?")
                .param(waId)
                .query((rs, n) -> new Window(Timestamps.instant(rs, "last_inbound_at"), rs.getBoolean("closed")))
                .optional();
    }

    private record Window(Instant lastInboundAt, boolean closed) {}

    /**
     * One of the bank's messages as Meta knows it.
     *
     * @param outboxId the outbox row it carries; null while only a status is known
     * @param kind {@code free} (inside the window) or {@code template}
     * @param status the furthest status reported, null before any
     */
    record Sent(
            String wamid,
            UUID outboxId,
            String recipient,
            String kind,
            String status,
            int errorCode,
            String errorTitle) {}

    /** Meta accepted {@code wamid} for the outbox row; returns the row, with any status that came first. */
    Sent accepted(String wamid, UUID outboxId, String recipient, String kind, Instant now) {
        try {
            jdbc.sql("INSERT INTO whatsapp_messages (wamid, outbox_id, recipient, kind, status, error_code, "
                            + "error_title, updated_at) VALUES (?, ?, ?, ?, NULL, NULL, NULL, ?)")
                    .params(wamid, outboxId, recipient, kind, Timestamps.utc(now))
                    .update();
        } catch (DuplicateKeyException statusFirst) {
            jdbc.sql(
                            "UPDATE whatsapp_messages SET outbox_id = ?, recipient = ?, kind = ?, updated_at = ? WHERE wamid = ?")
                    .params(outboxId, recipient, kind, Timestamps.utc(now), wamid)
                    .update();
        }
        return sent(wamid).orElseThrow();
    }

    Optional<Sent> sent(String wamid) {
        return jdbc.sql(SENT_SQL + "WHERE wamid = ?")
                .param(wamid)
                .query(WhatsAppStore::row)
                .optional();
    }

    /**
     * Records a status unless a later one is known (sent &lt; delivered &lt; read &lt; failed);
     * returns the message when the status is new for it. A failure for a rate limit (a wait: {@link
     * RateLimits}) is no later than {@code delivered}: a message known to have reached the user
     * is never sent again for it (review 2026-12-07 channels follow-up).
     */
    Optional<Sent> reported(String wamid, String status, int errorCode, String errorTitle, Instant now) {
        int rank = "failed".equals(status) && RateLimits.isWait(errorCode) ? rank("delivered") : rank(status);
        Integer code = errorCode == 0 ? null : errorCode;
        if (later(wamid, status, code, errorTitle, now, rank)) {
            return sent(wamid);
        }
        // WhatsAppStatuses runs this in its transaction: the insert must not abort it on PostgreSQL
        // when a concurrent insert of the same wamid wins (review 2026-12-07 whatsapp follow-up #1)
        boolean inserted = insertedOnce(
                jdbc.sql("INSERT INTO whatsapp_messages (wamid, outbox_id, recipient, kind, status, error_code, "
                                + "error_title, updated_at) SELECT ?, NULL, NULL, NULL, ?, ?, ?, ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM whatsapp_messages WHERE wamid = ?)")
                        .params(wamid, status, code, errorTitle, Timestamps.utc(now), wamid));
        if (inserted || later(wamid, status, code, errorTitle, now, rank)) {
            return sent(wamid); // the row was written meanwhile (by the sender, without a status)
        }
        return Optional.empty(); // a later status is recorded already
    }

    private boolean later(String wamid, String status, Integer code, String errorTitle, Instant now, int rank) {
        return jdbc.sql("UPDATE whatsapp_messages SET status = ?, error_code = ?, error_title = ?, updated_at = ? "
                                + "WHERE wamid = ? AND (status IS NULL OR CASE status WHEN 'sent' THEN 1 WHEN "
                                + "'delivered' THEN 2 WHEN 'read' THEN 3 ELSE 4 END < ?)")
                        .params(status, code, errorTitle, Timestamps.utc(now), wamid, rank)
                        .update()
                == 1;
    }

    /**
     * {@code delivered} or {@code read} reported for a message Meta had said failed for a rate
     * limit: it reached the user after all, and this status replaces the failure. Returns the
     * message when it did (once: a second report finds the failure gone).
     */
    Optional<Sent> reachedAfterWait(String wamid, String status, Instant now) {
        int updated = jdbc.sql("UPDATE whatsapp_messages SET status = ?, error_code = NULL, error_title = NULL, "
                        + "updated_at = ? WHERE wamid = ? AND status = 'failed' AND error_code IN "
                        + RateLimits.CODES_SQL)
                .params(status, Timestamps.utc(now), wamid)
                .update();
        return updated == 1 ? sent(wamid) : Optional.empty();
    }

    /**
     * Claims the one application of a message's failure to its outbox row: by the sender when the
     * failure overtook Meta's answer, by the webhook when the row is no longer the relay's, or after
     * the relay recorded the send when it came in between (review 2026-12-07 channels follow-up).
     * False when it was claimed before. The claim is a row of {@code whatsapp_events} (unique ids).
     */
    boolean claimFailure(String wamid, Instant now) {
        // a claim made before, or at the same moment elsewhere, is "claimed already", and never
        // aborts the caller's transaction
        return insertedOnce(jdbc.sql("INSERT INTO whatsapp_events (event_id, kind, received_at) SELECT ?, 'failure', ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM whatsapp_events WHERE event_id = ?)")
                .params("f:" + wamid, Timestamps.utc(now), "f:" + wamid));
    }

    /** Whether the one application of the message's failure was claimed ({@link #claimFailure}). */
    boolean failureClaimed(String wamid) {
        return events.handled("f:" + wamid);
    }

    /** The row's messages Meta reported failed (most rows have one message, some a few). */
    List<Sent> failedOf(UUID outboxId) {
        return jdbc.sql(SENT_SQL + "WHERE outbox_id = ? AND status = 'failed'")
                .param(outboxId)
                .query(WhatsAppStore::row)
                .list();
    }

    private static Sent row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Sent(
                rs.getString("wamid"),
                rs.getObject("outbox_id", UUID.class),
                rs.getString("recipient"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getInt("error_code"),
                rs.getString("error_title"));
    }

    static int rank(String status) {
        return switch (status) {
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            default -> 4;
        };
    }

    /**
     * Deletes at most {@code max} windows whose user last wrote before {@code before} (long closed:
     * {@link #windowOpen} would say so without the row); returns how many.
     */
    int deleteWindowsBefore(Instant before, int max) {
        List<String> users = jdbc.sql(
                        "SELECT wa_id FROM whatsapp_windows WHERE last_inbound_at < ? ORDER BY last_inbound_at LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query(String.class)
                .list();
        // a user who wrote again meanwhile no longer matches the condition and keeps the row
        return users.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM whatsapp_windows WHERE last_inbound_at < :before AND wa_id IN (:ids)")
                        .param("before", Timestamps.utc(before))
                        .param("ids", users)
                        .update();
    }

    /** Deletes at most {@code max} event and message rows older than {@code before}; returns how many. */
    int deleteBefore(Instant before, int max) {
        int deleted = events.deleteBefore(before, max);
        List<String> messages = jdbc.sql(
                        "SELECT wamid FROM whatsapp_messages WHERE updated_at < ? ORDER BY updated_at " + "LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query(String.class)
                .list();
        return deleted
                + (messages.isEmpty()
                        ? 0
                        : jdbc.sql("DELETE FROM whatsapp_messages WHERE wamid IN (:ids)")
                                .param("ids", messages)
                                .update());
    }
}
