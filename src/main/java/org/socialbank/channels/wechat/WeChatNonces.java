package org.socialbank.channels.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replay protection of WeChat's callbacks (security review #2): a signed request is accepted only
 * while its {@code timestamp} is within {@value #WINDOW_MINUTES} minutes of the bank's clock, and
 * only once per ({@code timestamp}, {@code nonce}) on any node: the pair is inserted under a
 * primary key ({@code wechat_nonces}) before anything else happens.
 */
public final class WeChatNonces {

    static final int WINDOW_MINUTES = 5;
    /** How far a callback's timestamp may be from the bank's clock, either way. */
    public static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{1,64}");

    /** Whether a signed request may be served. */
    public enum Check {
        FRESH,
        STALE,
        REPLAYED,
        MALFORMED
    }

    private final JdbcClient jdbc;

    public WeChatNonces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the timestamp (seconds since the epoch) is within the window around {@code now}. */
    public static boolean fresh(String timestamp, Instant now) {
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        return Math.abs(seconds - now.getEpochSecond()) <= WINDOW.toSeconds();
    }

    /**
     * Checks the timestamp and records the (timestamp, nonce) pair, so that the same request signed
     * once cannot be served twice. Call only for a request whose signature was verified: nothing is
     * stored for anyone else.
     */
    public Check first(String timestamp, String nonce, Instant now) {
        if (nonce == null
                || !NONCE.matcher(nonce).matches()
                || timestamp == null
                || !TIMESTAMP.matcher(timestamp).matches()) {
            return Check.MALFORMED;
        }
        if (!fresh(timestamp, now)) {
            return Check.STALE;
        }
        // kept until the timestamp leaves the window: the pair cannot be fresh again after that
        Instant expires =
                Instant.ofEpochSecond(Long.parseLong(timestamp)).plus(WINDOW).plusSeconds(1);
        try {
            jdbc.sql("INSERT INTO wechat_nonces (signed_at, nonce, expires_at) VALUES (?, ?, ?)")
                    .params(Long.parseLong(timestamp), nonce, Timestamps.utc(expires))
                    .update();
            return Check.FRESH;
        } catch (DuplicateKeyException seen) {
            return Check.REPLAYED;
        }
    }

    /**
     * Forgets a pair whose request failed for a reason of the bank's own (the database, a full
     * worker pool), so that WeChat's retry of the very same request is served.
     */
    public void release(String timestamp, String nonce) {
        jdbc.sql("DELETE FROM wechat_nonces WHERE signed_at = ? AND nonce = ?")
                .params(Long.parseLong(timestamp), nonce)
                .update();
    }

    /** Deletes at most {@code max} pairs whose window has passed; returns how many. */
    int deleteExpired(Instant now, int max) {
        List<Object[]> keys = jdbc.sql("SELECT signed_at, nonce FROM wechat_nonces WHERE expires_at < ? "
                        + "ORDER BY expires_at LIMIT ?")
                .params(Timestamps.utc(now), max)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        int deleted = 0;
        for (Object[] key : keys) {
            deleted += jdbc.sql("DELETE FROM wechat_nonces WHERE signed_at = ? AND nonce = ?")
                    .params(key[0], key[1])
                    .update();
        }
        return deleted;
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM wechat_nonces")
                .query(Integer.class)
                .single();
    }
}
