package org.socialbank.console;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes every staff-audit append fail while it is open, in the store itself, as an append fails
 * for real (a lock timeout on the chain's head, a lost connection) but at once: a row squats the
 * sequence number the next append takes, so that append's INSERT breaks the primary key. Closing
 * removes the squatter and the chain is whole again. H2 only: PostgreSQL's trigger refuses the
 * removal. Open it only while no other request of the test appends.
 */
public final class FailingAudit implements AutoCloseable {

    private static final String WHAT = "test.failing-audit";

    private final JdbcClient jdbc;
    private final long seq;

    private FailingAudit(JdbcClient jdbc, long seq) {
        this.jdbc = jdbc;
        this.seq = seq;
    }

    public static FailingAudit open(JdbcClient jdbc) {
        long next = jdbc.sql("SELECT seq FROM console_audit_head WHERE id = 1")
                        .query(Long.class)
                        .single()
                + 1;
        String zeros = "0".repeat(64);
        jdbc.sql("INSERT INTO console_audit (seq, recorded_at, who_id, who_name, what, subject, why, prev_hash, hash) "
                        + "VALUES (?, ?, NULL, 'test', ?, 'test', '', ?, ?)")
                .params(next, OffsetDateTime.now(ZoneOffset.UTC), WHAT, zeros, zeros)
                .update();
        return new FailingAudit(jdbc, next);
    }

    @Override
    public void close() {
        jdbc.sql("DELETE FROM console_audit WHERE seq = ? AND what = ?")
                .params(seq, WHAT)
                .update();
    }
}
