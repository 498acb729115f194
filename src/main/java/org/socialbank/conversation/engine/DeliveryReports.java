package org.socialbank.conversation.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What a platform reports of an outbox row after it accepted it (WhatsApp's statuses): the row's
 * {@code outbox_deliveries} entry keeps the furthest state reached ({@code sent} &lt;
 * {@code delivered} &lt; {@code read} &lt; {@code failed}; reports come out of order and twice),
 * and a failure reported later turns the row FAILED, or hands it back to the relay when the
 * adapter can still deliver it another way (a template) or later (a rate limit: a wait, not a try).
 */
@Component
@NamedInterface("delivery-reports")
public class DeliveryReports {

    /** The states a platform reports, by rank: a lower one never replaces a higher one. */
    private static final Map<String, Integer> RANK = Map.of("sent", 1, "delivered", 2, "read", 3, "failed", 4);

    private static final String RANK_SQL =
            "CASE state WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 " + "ELSE 4 END";
    private static final int ERROR_LENGTH_MAX = 500;

    private final JdbcClient jdbc;
    private final org.socialbank.conversation.ConversationProperties properties;
    /** Tells the modules that track a message (issue 17's campaigns) the platform's report. */
    private final org.springframework.context.ApplicationEventPublisher events;

    DeliveryReports(
            JdbcClient jdbc,
            org.socialbank.conversation.ConversationProperties properties,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Records {@code state} ({@code sent}, {@code delivered} or {@code read}) unless a later one is
     * known; returns whether it changed anything.
     */
    public boolean reached(UUID outboxId, String state, Instant at) {
        if (!RANK.containsKey(state) || "failed".equals(state)) {
            throw new IllegalArgumentException("a delivery state is sent, delivered or read: " + state);
        }
        return record(outboxId, state, at);
    }

    /** The platform gave up on a row it had accepted: the row is FAILED with the reason. */
    public boolean failed(UUID outboxId, String reason, Instant at) {
        record(outboxId, "failed", reason, at); // the reason reaches the report's listeners (issue 17, 3.13)
        return jdbc.sql("UPDATE outbox_messages SET status = 'FAILED', last_error = ? WHERE id = ? "
                                + "AND status IN ('SUCCEEDED', 'UNKNOWN')")
                        .params(clip(reason), outboxId)
                        .update()
                == 1;
    }

    /**
     * The platform refused a row it had accepted, and the adapter can still deliver it another way:
     * the row is PENDING again, due now. Only a SUCCEEDED row whose content is still kept is handed
     * back (false otherwise: then {@link #failed}); the caller makes sure it does so once.
     */
    public boolean sendAgain(UUID outboxId, String reason, Instant now) {
        record(outboxId, "failed", now);
        return jdbc.sql(
                                "UPDATE outbox_messages SET status = 'PENDING', last_error = ?, next_attempt_at = ?, "
                                        + "claimed_until = NULL, sent_at = NULL WHERE id = ? AND status = 'SUCCEEDED' AND payload <> ''")
                        .params(clip(reason), Timestamps.utc(now), outboxId)
                        .update()
                == 1;
    }

    /** What {@link #sendLater} did with a row refused for a rate limit. */
    public enum Wait {
        /** PENDING again, due after the pause, its try given back. */
        SENT_LATER,
        /** A report says it reached the recipient: kept SUCCEEDED, nothing reported. */
        REACHED,
        /** Put back for rate limits since longer than {@code rate-limit-wait-max} ago: the caller fails it. */
        WAITED_TOO_LONG,
        /** Not a row that can be handed back (finished otherwise, content gone): the caller fails it. */
        REFUSED
    }

    /**
     * The platform refused a row it had accepted for a rate limit (review 2026-12-07 channels
     * follow-up): nothing reached the recipient, and the send was a wait, not a try. The row is
     * PENDING again, due at {@code next} (after the pause), its try given back; no failure is
     * reported (the alert does not move on to another chat, the campaign's recipient is not
     * failed). Only a row the platform had taken (SUCCEEDED, or UNKNOWN after a send that threw),
     * whose content is still kept, is handed back, and only within {@code rate-limit-wait-max} of
     * its writing, as for a "not now" of the send itself: a platform that keeps taking the row and
     * then refusing it does not keep it waiting for days ({@link Wait#WAITED_TOO_LONG}). A row a
     * report says reached the recipient (delivered, read: an earlier send of it) is not sent again
     * and not failed: it is SUCCEEDED ({@link Wait#REACHED}).
     */
    public Wait sendLater(UUID outboxId, String reason, Instant next, Instant now) {
        if (delivery(outboxId)
                .filter(s -> s.equals("delivered") || s.equals("read"))
                .isPresent()) {
            Duration ttl = properties.sentPayloadTtl();
            jdbc.sql("UPDATE outbox_messages SET status = 'SUCCEEDED', last_error = NULL, sent_at = ?, "
                            + "next_attempt_at = ? WHERE id = ? AND status = 'UNKNOWN'")
                    .params(Timestamps.utc(now), Timestamps.utc(now.plus(ttl)), outboxId)
                    .update();
            return Wait.REACHED;
        }
        Instant writtenAfter = now.minus(properties.rateLimitWaitMax());
        if (jdbc.sql("UPDATE outbox_messages SET status = 'PENDING', last_error = ?, next_attempt_at = ?, "
                                + "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, claimed_until = NULL, "
                                + "sent_at = NULL WHERE id = ? AND status IN ('SUCCEEDED', 'UNKNOWN') AND payload <> '' "
                                + "AND created_at > ? AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d "
                                + "WHERE d.outbox_id = outbox_messages.id AND d.state IN ('delivered', 'read'))")
                        .params(clip(reason), Timestamps.utc(next), outboxId, Timestamps.utc(writtenAfter))
                        .update()
                == 1) {
            return Wait.SENT_LATER;
        }
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE id = ? AND status IN ('SUCCEEDED', 'UNKNOWN') "
                                        + "AND payload <> '' AND created_at <= ?")
                                .params(outboxId, Timestamps.utc(writtenAfter))
                                .query(Integer.class)
                                .single()
                        > 0
                ? Wait.WAITED_TOO_LONG
                : Wait.REFUSED;
    }

    /**
     * Whether the row is still the relay's (PENDING): a report on it is only recorded by the
     * adapter, and applied once the relay has recorded its send ({@link
     * org.socialbank.conversation.ChannelSender#recordedSent}); applied now, a failure would be
     * reported while the relay then made the row SUCCEEDED (review 2026-12-07 channels follow-up).
     */
    public boolean inFlight(UUID outboxId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE id = ? AND status = 'PENDING'")
                        .param(outboxId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * The platform says a row handed back for a wait ({@link #sendLater}) reached the recipient
     * after all ({@code delivered} or {@code read}): it is recorded, and the row is SUCCEEDED again
     * unless a relay holds it already (then the platform gets it twice: no send can be undone).
     * Returns whether the row was kept from being sent again.
     */
    public boolean reachedAfterAll(UUID outboxId, String state, Instant now) {
        reached(outboxId, state, now);
        Duration ttl = properties.sentPayloadTtl();
        return jdbc.sql("UPDATE outbox_messages SET status = 'SUCCEEDED', attempts = attempts + 1, last_error = NULL, "
                                + "sent_at = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND status = 'PENDING' "
                                + "AND claimed_until IS NULL")
                        .params(Timestamps.utc(now), Timestamps.utc(now.plus(ttl)), outboxId)
                        .update()
                == 1;
    }

    /** The platform's last report on a row, if any. */
    public Optional<String> delivery(UUID outboxId) {
        return jdbc.sql("SELECT state FROM outbox_deliveries WHERE outbox_id = ?")
                .param(outboxId)
                .query(String.class)
                .optional();
    }

    private boolean record(UUID outboxId, String state, Instant at) {
        return record(outboxId, state, null, at);
    }

    private boolean record(UUID outboxId, String state, String reason, Instant at) {
        events.publishEvent(new org.socialbank.shared.OutboundReported(outboxId, state, reason, at));
        int rank = RANK.get(state);
        if (jdbc.sql("UPDATE outbox_deliveries SET state = ?, reported_at = ? WHERE outbox_id = ? AND " + RANK_SQL
                                + " < ?")
                        .params(state, Timestamps.utc(at), outboxId, rank)
                        .update()
                == 1) {
            return true;
        }
        try {
            // only for a row that still exists (the janitor may have deleted it), and without a
            // failing insert when a report is known: in a PostgreSQL transaction of the caller's,
            // that would abort it (review 2026-12-07 whatsapp follow-up #1)
            return jdbc.sql("INSERT INTO outbox_deliveries (outbox_id, state, reported_at) "
                                    + "SELECT id, ?, ? FROM outbox_messages WHERE id = ? AND NOT EXISTS "
                                    + "(SELECT 1 FROM outbox_deliveries d WHERE d.outbox_id = ?)")
                            .params(state, Timestamps.utc(at), outboxId, outboxId)
                            .update()
                    == 1;
        } catch (DuplicateKeyException known) {
            return false; // an equal or later state is recorded
        }
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= ERROR_LENGTH_MAX ? reason : reason.substring(0, ERROR_LENGTH_MAX);
    }
}
