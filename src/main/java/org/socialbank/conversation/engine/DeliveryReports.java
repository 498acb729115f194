package org.socialbank.conversation.engine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What a platform reports of a reply after it accepted it (WhatsApp's statuses): the outbox row
 * keeps the furthest state reached ({@code sent} &lt; {@code delivered} &lt; {@code read}; reports
 * may come out of order and twice), and a failure reported later turns the row FAILED, or hands
 * it back to the relay once when the adapter can still deliver it another way (a template).
 */
@Component
@NamedInterface("delivery-reports")
public class DeliveryReports {

    /** The states a platform reports, by rank: a lower one never replaces a higher one. */
    private static final Map<String, Integer> RANK = Map.of("sent", 1, "delivered", 2, "read", 3, "failed", 4);
    private static final int ERROR_LENGTH_MAX = 500;

    private final JdbcClient jdbc;

    DeliveryReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code state} ({@code sent}, {@code delivered}, {@code read}) unless the row already
     * holds a later one; returns whether it changed.
     */
    public boolean reached(UUID outboxId, String state, Instant at) {
        Integer rank = RANK.get(state);
        if (rank == null || rank == RANK.get("failed")) {
            throw new IllegalArgumentException("a delivery state is sent, delivered or read: " + state);
        }
        return jdbc.sql("UPDATE outbox_messages SET delivery = :state, delivery_at = :at WHERE id = :id "
                + "AND (delivery IS NULL OR " + rankSql() + " < :rank)")
                .param("state", state).param("at", Timestamps.utc(at)).param("id", outboxId).param("rank", rank)
                .update() == 1;
    }

    /** The platform gave up on a reply it had accepted: the row is FAILED with the reason. */
    public boolean failed(UUID outboxId, String reason, Instant at) {
        return jdbc.sql("UPDATE outbox_messages SET status = 'FAILED', delivery = 'failed', delivery_at = ?, "
                + "last_error = ? WHERE id = ? AND status IN ('SUCCEEDED', 'UNKNOWN')")
                .params(Timestamps.utc(at), clip(reason), outboxId).update() == 1;
    }

    /**
     * The platform refused a reply it had accepted, and the adapter can still deliver it another
     * way: the row is PENDING again, due now, for its next send. Only a row that was SUCCEEDED is
     * handed back, and the caller makes sure it does so once.
     */
    public boolean sendAgain(UUID outboxId, String reason, Instant now) {
        return jdbc.sql("UPDATE outbox_messages SET status = 'PENDING', delivery = 'failed', delivery_at = ?, "
                + "last_error = ?, next_attempt_at = ?, claimed_until = NULL, sent_at = NULL "
                + "WHERE id = ? AND status = 'SUCCEEDED'")
                .params(Timestamps.utc(now), clip(reason), Timestamps.utc(now), outboxId).update() == 1;
    }

    /** The platform's last report on a reply, if any. */
    public java.util.Optional<String> delivery(UUID outboxId) {
        return jdbc.sql("SELECT delivery FROM outbox_messages WHERE id = ?").param(outboxId)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(d -> d);
    }

    private static String rankSql() {
        return "CASE delivery WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ELSE 4 END";
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= ERROR_LENGTH_MAX ? reason : reason.substring(0, ERROR_LENGTH_MAX);
    }
}
