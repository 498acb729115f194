package org.socialbank.channels.webchat;

import java.time.Instant;
import java.util.List;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.security.otp.Sealer;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each visitor's conversation as the web chat shows it, in the database so that every node sees
 * it. A row's key is unique per visitor, so a resent reply or a retried message is stored once.
 * Payloads are sealed (AES-GCM, a key derived from the pepper, bound to the visitor): the bank's
 * replies carry one-time {@code /link/}, {@code /confirm/}, {@code /unlink/} and {@code /claim/}
 * URLs, which are bearer secrets (security review #13). Rows stored before sealing are read as
 * they are.
 */
@Repository
public class WebChatMessages {

    /** The largest page of {@link #after} and {@link #newest}. */
    public static final int PAGE_MAX = 100;

    private final JdbcClient jdbc;
    private final Sealer sealer;

    WebChatMessages(JdbcClient jdbc, OneTimeCodes codes) {
        this.jdbc = jdbc;
        this.sealer = new Sealer(codes, "webchat payloads");
    }

    /**
     * One stored message; {@code seq} orders a visitor's messages and is the SSE event id;
     * {@code createdAt} is when it was stored (the page shows it in the reader's own zone).
     */
    public record Row(long seq, String sender, String payload, Instant createdAt) {}

    /** Stores a message unless one with the same key is there already; says whether it stored it. */
    public boolean append(String visitor, String key, String sender, String payload, Instant now) {
        try {
            return jdbc.sql("INSERT INTO webchat_messages (visitor, message_key, sender, payload, created_at) "
                                    + "VALUES (?, ?, ?, ?, ?)")
                            .params(visitor, key, sender, sealer.seal(payload, visitor), Timestamps.utc(now))
                            .update()
                    == 1;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /**
     * Whether the visitor's web-chat session has ended (its tombstone row, kept as long as
     * messages are). Reads the row locked, in the caller's transaction, so a session ending at the
     * same moment is either seen ended or ends after the caller's row is stored (and moves it).
     */
    public boolean ended(String visitor) {
        return jdbc.sql("SELECT ended_at FROM webchat_sessions WHERE visitor = ? FOR UPDATE")
                .param(visitor)
                .query((rs, n) -> rs.getObject(1) != null)
                .optional()
                .orElse(false);
    }

    /**
     * The web chat rotated a visitor's session (sign-in): its messages move to the new visitor id,
     * sealed anew for it, since a sealed payload opens only for the visitor it was sealed for.
     * Runs in the caller's transaction; a visitor's rows are bounded by the send limits and the
     * retention.
     */
    public void moveTo(String oldVisitor, String newVisitor) {
        List<Row> rows = jdbc.sql(
                        "SELECT seq, sender, payload, created_at FROM webchat_messages WHERE visitor = ? ORDER BY seq")
                .param(oldVisitor)
                .query((rs, n) -> row(rs, oldVisitor))
                .list();
        for (Row r : rows) {
            jdbc.sql("UPDATE webchat_messages SET visitor = ?, payload = ? WHERE seq = ?")
                    .params(newVisitor, sealer.seal(r.payload(), newVisitor), r.seq())
                    .update();
        }
    }

    /**
     * The visitor's messages after {@code seq}, and those stored since {@code since} (unless null)
     * whatever their seq, oldest first, at most {@code max}. The second part catches a row whose seq
     * was taken before, but committed after, a row already read (two nodes, or a reply and a new
     * message).
     */
    public List<Row> after(String visitor, long seq, Instant since, int max) {
        String recent = since == null ? "" : " OR created_at >= :since";
        JdbcClient.StatementSpec query = jdbc.sql("SELECT seq, sender, payload, created_at FROM webchat_messages "
                        + "WHERE visitor = :visitor AND (seq > :seq" + recent + ") ORDER BY seq LIMIT :max")
                .param("visitor", visitor)
                .param("seq", seq)
                .param("max", Math.min(max, PAGE_MAX));
        if (since != null) {
            query = query.param("since", Timestamps.utc(since));
        }
        return query.query((rs, n) -> row(rs, visitor)).list();
    }

    private Row row(java.sql.ResultSet rs, String visitor) throws java.sql.SQLException {
        return new Row(
                rs.getLong("seq"),
                rs.getString("sender"),
                open(rs.getString("payload"), visitor),
                Timestamps.instant(rs, "created_at"));
    }

    /** A row sealed under another pepper shows as an empty line instead of failing the whole page. */
    static final String UNREADABLE = "{\"kind\":\"text\",\"text\":\"\"}";

    private String open(String stored, String visitor) {
        if (!Sealer.isSealed(stored)) {
            return stored;
        }
        try {
            return sealer.open(stored, visitor);
        } catch (IllegalStateException e) {
            return UNREADABLE;
        }
    }

    /** A stored message with its visitor and time, as the node's one shared poll reads it. */
    public record Fresh(long seq, String visitor, String sender, String payload, Instant createdAt) {

        public Row row() {
            return new Row(seq, sender, payload, createdAt);
        }
    }

    /** The most visitors one {@link #forVisitors} names (one bound parameter each). */
    public static final int VISITORS_MAX = 1_000;

    /**
     * The messages of any of {@code visitors} after {@code seq}, and, when {@code since} is given,
     * those stored since then whatever their seq; oldest first, at most {@code max}. One query
     * serves every open stream of a node (security review #9).
     */
    public List<Fresh> forVisitors(java.util.Collection<String> visitors, long seq, Instant since, int max) {
        if (visitors.isEmpty()) {
            return List.of();
        }
        if (visitors.size() > VISITORS_MAX) {
            throw new IllegalArgumentException("at most " + VISITORS_MAX + " visitors per query");
        }
        String recent = since == null ? "" : " OR created_at >= :since";
        JdbcClient.StatementSpec query = jdbc.sql(
                        "SELECT seq, visitor, sender, payload, created_at FROM webchat_messages "
                                + "WHERE visitor IN (:visitors) AND (seq > :seq" + recent + ") ORDER BY seq LIMIT :max")
                .param("visitors", List.copyOf(visitors))
                .param("seq", seq)
                .param("max", Math.min(max, PAGE_MAX));
        if (since != null) {
            query = query.param("since", Timestamps.utc(since));
        }
        return query.query((rs, n) -> {
                    String visitor = rs.getString("visitor");
                    return new Fresh(
                            rs.getLong("seq"),
                            visitor,
                            rs.getString("sender"),
                            open(rs.getString("payload"), visitor),
                            Timestamps.instant(rs, "created_at"));
                })
                .list();
    }

    /** The highest seq stored, or 0. */
    public long newestSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM webchat_messages")
                .query(Long.class)
                .single();
    }

    /** How many messages the visitor sent since {@code since}: the rate limit reads it on every node. */
    public int sentSince(String visitor, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM webchat_messages WHERE visitor = ? AND sender = 'visitor' "
                        + "AND created_at >= ?")
                .params(visitor, Timestamps.utc(since))
                .query(Integer.class)
                .single();
    }

    /** The visitor's newest messages, oldest first, at most {@code max}. */
    public List<Row> newest(String visitor, int max) {
        List<Row> rows = new java.util.ArrayList<>(
                jdbc.sql("SELECT seq, sender, payload, created_at FROM webchat_messages WHERE visitor = ? "
                                + "ORDER BY seq DESC LIMIT ?")
                        .params(visitor, Math.min(max, PAGE_MAX))
                        .query((rs, n) -> row(rs, visitor))
                        .list());
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** Deletes at most {@code max} messages stored before {@code before}; returns how many. */
    public int deleteBefore(Instant before, int max) {
        List<Long> seqs = jdbc.sql("SELECT seq FROM webchat_messages WHERE created_at < ? ORDER BY seq LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query(Long.class)
                .list();
        return seqs.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM webchat_messages WHERE seq IN (:seqs)")
                        .param("seqs", seqs)
                        .update();
    }
}
