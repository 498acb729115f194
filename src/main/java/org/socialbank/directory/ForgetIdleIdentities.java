package org.socialbank.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Retention;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes chat accounts that were never linked and have been idle for {@code
 * identity-retention.unlinked-idle} (security review #9: every web-chat cookie or new network
 * account makes one), with every row that refers to them: link tokens, and the conversation
 * engine's dialogue, buttons, inbox and outbox rows, and the web chat's messages. Those tables
 * belong to other modules but have no meaning without the account; this is the one place that
 * removes an account row, so their foreign keys are honoured here, in one transaction per bounded
 * batch. A linked account, or one linked once (the audit of what was done through it), stays.
 */
@Component
@EnableConfigurationProperties(IdentityRetentionProperties.class)
class ForgetIdleIdentities {

    private final JdbcClient jdbc;
    private final DurableTransactions writes;
    private final IdentityRetentionProperties properties;
    private final Clock clock;

    ForgetIdleIdentities(
            JdbcClient jdbc, DurableTransactions writes, IdentityRetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    /** Remembers, in the linking transaction, that this account was linked once. */
    @EventListener
    void on(IdentityLinked event) {
        jdbc.sql("UPDATE channel_identities SET first_linked_at = ? WHERE id = ? AND first_linked_at IS NULL")
                .params(Timestamps.utc(clock.instant()), event.identityId().value())
                .update();
    }

    @Scheduled(fixedDelayString = "${socialbank.directory.identity-retention.interval:1h}", initialDelayString = "PT7M")
    int run() {
        Instant cutoff = clock.instant().minus(properties.unlinkedIdle());
        return Retention.deleteInBatches(() -> deleteBatch(cutoff), properties.batchMax());
    }

    /** One batch: at most {@code batch-max} idle, never-linked accounts and their rows; returns how many. */
    int deleteBatch(Instant cutoff) {
        return writes.write(status -> {
            List<UUID> ids = lockIdle(cutoff);
            if (ids.isEmpty()) {
                return 0;
            }
            List<String> visitors = jdbc.sql("SELECT external_id FROM channel_identities WHERE id IN (:ids) "
                            + "AND channel = 'webchat'")
                    .param("ids", ids)
                    .query(String.class)
                    .list();
            if (!visitors.isEmpty()) {
                jdbc.sql("DELETE FROM webchat_messages WHERE visitor IN (:visitors)")
                        .param("visitors", visitors)
                        .update();
            }
            for (String table :
                    List.of("link_tokens", "button_refs", "inbox_messages", "outbox_messages", "conversations")) {
                jdbc.sql("DELETE FROM " + table + " WHERE identity_id IN (:ids)")
                        .param("ids", ids)
                        .update();
            }
            return jdbc.sql("DELETE FROM channel_identities WHERE id IN (:ids)")
                    .param("ids", ids)
                    .update();
        });
    }

    /** Never linked, older than the cutoff, and nothing since: no message, reply, dialogue turn or live link. */
    private List<UUID> lockIdle(Instant cutoff) {
        List<UUID> candidates = jdbc.sql("SELECT i.id FROM channel_identities i WHERE i.customer_id IS NULL "
                        + "AND i.first_linked_at IS NULL AND i.created_at < :cutoff "
                        + "AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.identity_id = i.id AND c.updated_at >= :cutoff) "
                        + "AND NOT EXISTS (SELECT 1 FROM inbox_messages m WHERE m.identity_id = i.id AND m.received_at >= :cutoff) "
                        + "AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.identity_id = i.id "
                        + "AND (o.created_at >= :cutoff OR o.status IN ('PENDING', 'UNKNOWN'))) "
                        + "AND NOT EXISTS (SELECT 1 FROM link_tokens t WHERE t.identity_id = i.id AND t.expires_at >= :now) "
                        + "ORDER BY i.created_at LIMIT :max")
                .param("cutoff", Timestamps.utc(cutoff))
                .param("now", Timestamps.utc(clock.instant()))
                .param("max", properties.batchMax())
                .query(UUID.class)
                .list();
        if (candidates.isEmpty()) {
            return candidates;
        }
        // a link may have happened since: lock the rows and look again
        return jdbc.sql("SELECT id FROM channel_identities WHERE id IN (:ids) AND customer_id IS NULL "
                        + "AND first_linked_at IS NULL FOR UPDATE")
                .param("ids", candidates)
                .query(UUID.class)
                .list();
    }
}
