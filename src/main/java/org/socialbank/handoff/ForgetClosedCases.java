package org.socialbank.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.shared.jdbc.Retention;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention of the handoff tables (issue 19): cases closed longer than {@code
 * retention.closed-max-age} are deleted with their transcript and labels, and owner rows of
 * conversations the bot has, with no customer message since the cutoff, go too (the engine makes
 * one again at the next message). Safe on several nodes at once: a batch locks its cases ({@code
 * FOR UPDATE}) and reads the cutoff again under the lock, so a node that waited for another's batch
 * finds those rows gone and deletes nothing twice; every batch is one short transaction.
 */
@Component
public class ForgetClosedCases {

    private static final Logger log = LoggerFactory.getLogger(ForgetClosedCases.class);

    private final JdbcClient jdbc;
    private final DurableTransactions writes;
    private final HandoffRetentionProperties properties;
    private final Clock clock;

    ForgetClosedCases(JdbcClient jdbc, DurableTransactions writes, HandoffRetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${socialbank.handoff.retention.interval:1h}", initialDelayString = "PT9M")
    void scheduled() {
        int deleted = run();
        if (deleted > 0) {
            log.info("{} handoff cases closed longer than {} were deleted", deleted, properties.closedMaxAge());
        }
    }

    /** Deletes what is past the cutoff now, a bounded batch at a time; returns how many cases went. */
    public int run() {
        Instant cutoff = clock.instant().minus(properties.closedMaxAge());
        int cases = Retention.deleteInBatches(() -> deleteBatch(cutoff), properties.batchMax());
        Retention.deleteInBatches(() -> deleteOwners(cutoff), properties.batchMax());
        return cases;
    }

    /** One batch of closed cases and their rows; returns how many cases it deleted. */
    int deleteBatch(Instant cutoff) {
        return writes.write(status -> {
            List<UUID> candidates = jdbc.sql("SELECT id FROM handoff_cases WHERE status IN ('RESOLVED', 'HANDED_BACK') "
                            + "AND closed_at < :cutoff ORDER BY closed_at, id LIMIT :max")
                    .param("cutoff", Timestamps.utc(cutoff))
                    .param("max", properties.batchMax())
                    .query(UUID.class)
                    .list();
            if (candidates.isEmpty()) {
                return 0;
            }
            // another node may have deleted them meanwhile: lock what is still there, and still closed
            List<UUID> ids = jdbc.sql("SELECT id FROM handoff_cases WHERE id IN (:ids) "
                            + "AND status IN ('RESOLVED', 'HANDED_BACK') AND closed_at < :cutoff FOR UPDATE")
                    .param("ids", candidates)
                    .param("cutoff", Timestamps.utc(cutoff))
                    .query(UUID.class)
                    .list();
            if (ids.isEmpty()) {
                return 0;
            }
            jdbc.sql("DELETE FROM handoff_transcript WHERE case_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("DELETE FROM handoff_labels WHERE case_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            // a batch cut short by another node ends this run early; the next run goes on
            return jdbc.sql("DELETE FROM handoff_cases WHERE id IN (:ids)")
                    .param("ids", ids)
                    .update();
        });
    }

    /**
     * Owner rows of conversations the bot has, whose customer wrote nothing since the cutoff (a
     * reply window is long closed) and that no case refers to any more.
     */
    int deleteOwners(Instant cutoff) {
        return writes.write(status -> {
            List<UUID> candidates = jdbc.sql("SELECT o.identity_id FROM handoff_owners o WHERE o.open_case_id IS NULL "
                            + "AND (o.last_customer_at IS NULL OR o.last_customer_at < :cutoff) "
                            + "AND NOT EXISTS (SELECT 1 FROM handoff_cases c WHERE c.identity_id = o.identity_id) "
                            + "ORDER BY o.identity_id LIMIT :max")
                    .param("cutoff", Timestamps.utc(cutoff))
                    .param("max", properties.batchMax())
                    .query(UUID.class)
                    .list();
            if (candidates.isEmpty()) {
                return 0;
            }
            jdbc.sql("DELETE FROM handoff_owners WHERE identity_id IN (:ids) AND open_case_id IS NULL "
                            + "AND (last_customer_at IS NULL OR last_customer_at < :cutoff)")
                    .param("ids", candidates)
                    .param("cutoff", Timestamps.utc(cutoff))
                    .update();
            return candidates.size();
        });
    }
}
