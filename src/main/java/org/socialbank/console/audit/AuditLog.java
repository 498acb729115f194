package org.socialbank.console.audit;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.socialbank.console.StaffAudit;
import org.socialbank.console.StaffMember;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff audit in the store. An append locks the head row ({@code SELECT ... FOR UPDATE}, the
 * same on H2 and PostgreSQL), so appends from several nodes take turns and each links to the one
 * before it; the row and the new head commit with the action that caused them.
 */
@Service
public class AuditLog implements StaffAudit {

    /** Rows read per query while verifying or exporting. */
    static final int BATCH = 1000;
    /** The most rows one page of the audit shows. */
    public static final int PAGE_MAX = 200;

    private static final String COLUMNS = "seq, recorded_at, who_id, who_name, what, subject, why, prev_hash, hash";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(StaffMember who, String action, String subject, String reason) {
        Objects.requireNonNull(who, "who");
        append(who.id().value(), who.username(), action, subject, reason);
    }

    /** Appends a row; {@code whoId} is null for a sign-in attempt under an unknown name. */
    @Transactional
    public AuditRow append(UUID whoId, String whoName, String what, String subject, String why) {
        Head head = jdbc.sql("SELECT seq, hash FROM console_audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        Instant now = Microseconds.now(clock);
        AuditRow draft = new AuditRow(
                head.seq() + 1,
                now,
                whoId,
                cut(whoName, 64),
                cut(what, 64),
                cut(subject, 256),
                cut(why, 512),
                head.hash(),
                null);
        AuditRow row = new AuditRow(
                draft.seq(),
                now,
                whoId,
                draft.whoName(),
                draft.what(),
                draft.subject(),
                draft.why(),
                head.hash(),
                HashChain.hash(head.hash(), draft));
        jdbc.sql("INSERT INTO console_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.seq(),
                        utc(row.recordedAt()),
                        row.whoId(),
                        row.whoName(),
                        row.what(),
                        row.subject(),
                        row.why(),
                        row.prevHash(),
                        row.hash())
                .update();
        jdbc.sql("UPDATE console_audit_head SET seq = ?, hash = ? WHERE id = 1")
                .params(row.seq(), row.hash())
                .update();
        return row;
    }

    /** The newest rows first, at most {@link #PAGE_MAX}, before {@code beforeSeq} when given. */
    @Transactional(readOnly = true)
    public List<AuditRow> newest(int limit, Long beforeSeq) {
        int n = Math.max(1, Math.min(limit, PAGE_MAX));
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_audit WHERE seq < ? ORDER BY seq DESC LIMIT " + n)
                .param(beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .query(AuditLog::row)
                .list();
    }

    /** Walks the whole chain from the first row and checks it against the head. */
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        ChainVerifier verifier = new ChainVerifier();
        forEach(verifier::accept);
        Head head = jdbc.sql("SELECT seq, hash FROM console_audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        return verifier.finish(head.seq(), head.hash());
    }

    /** Every row in order, read in batches of {@value #BATCH}. */
    @Transactional(readOnly = true)
    public void forEach(Consumer<AuditRow> sink) {
        long after = 0;
        while (true) {
            List<AuditRow> batch = jdbc.sql(
                            "SELECT " + COLUMNS + " FROM console_audit WHERE seq > ? ORDER BY seq LIMIT " + BATCH)
                    .param(after)
                    .query(AuditLog::row)
                    .list();
            batch.forEach(sink);
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).seq();
        }
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        if (value.length() <= max) {
            return value;
        }
        // never half a surrogate pair: the store would not keep it, and the hash would not match
        return value.substring(0, Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
    }

    private static AuditRow row(ResultSet rs, int n) throws SQLException {
        return new AuditRow(
                rs.getLong("seq"),
                Timestamps.instant(rs, "recorded_at"),
                rs.getObject("who_id", UUID.class),
                rs.getString("who_name"),
                rs.getString("what"),
                rs.getString("subject"),
                rs.getString("why"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private record Head(long seq, String hash) {}
}
