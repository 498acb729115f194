package org.socialbank.console.staff;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.console.StaffId;
import org.socialbank.shared.Digests;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Console sessions: the browser keeps a random token, the store only its SHA-256. */
@Repository
class JdbcSessions {

    enum Stage {
        CODE,
        SIGNED_IN
    }

    record Session(
            String tokenHash, StaffId staff, Stage stage, Instant createdAt, Instant lastSeenAt, Instant endedAt) {}

    /** Rows of ended sessions are kept this long, then deleted at the owner's next sign-in. */
    static final Duration KEPT = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    JdbcSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new session; the token is returned once and never stored. */
    String open(StaffId staff, Stage stage, Instant now) {
        jdbc.sql("DELETE FROM console_sessions WHERE staff_id = ? AND created_at < ?")
                .params(staff.value(), utc(now.minus(KEPT)))
                .update();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO console_sessions (token_hash, staff_id, stage, created_at, last_seen_at, ended_at) "
                        + "VALUES (?, ?, ?, ?, ?, NULL)")
                .params(hash(token), staff.value(), stage.name(), utc(now), utc(now))
                .update();
        return token;
    }

    Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT token_hash, staff_id, stage, created_at, last_seen_at, ended_at FROM console_sessions "
                        + "WHERE token_hash = ?")
                .param(hash(token))
                .query(JdbcSessions::session)
                .optional();
    }

    void touch(String tokenHash, Instant now) {
        jdbc.sql("UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ? AND ended_at IS NULL")
                .params(utc(now), tokenHash)
                .update();
    }

    /** Ends a session; true when this call ended it (it was still open). */
    boolean end(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE console_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL")
                        .params(utc(now), tokenHash)
                        .update()
                == 1;
    }

    /** Ends every open session of a member of staff (disabled, or a new authenticator). */
    int endAll(StaffId staff, Instant now) {
        return jdbc.sql("UPDATE console_sessions SET ended_at = ? WHERE staff_id = ? AND ended_at IS NULL")
                .params(utc(now), staff.value())
                .update();
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(Digests.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static Session session(ResultSet rs, int n) throws SQLException {
        return new Session(
                rs.getString("token_hash"),
                new StaffId(rs.getObject("staff_id", UUID.class)),
                Stage.valueOf(rs.getString("stage")),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "last_seen_at"),
                Timestamps.instant(rs, "ended_at"));
    }
}
