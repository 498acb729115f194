package org.socialbank.directory.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Channel identities, one-time links, code challenges and sign-in throttling. */
@Repository
public class JdbcLinking {

    private static final String IDENTITY_COLUMNS =
            "id, channel, external_id, handle, phone, customer_id, linked_at, reachable, created_at";
    private static final String CHALLENGE_COLUMNS = "id, customer_id, purpose, method, context, code_hash, "
            + "reference, summary, attempts, status, expires_at, created_at";

    private final JdbcClient jdbc;

    JdbcLinking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes at most {@code max} tokens that expired before {@code before}; returns how many. */
    public int deleteTokensExpiredBefore(Instant before, int max) {
        List<String> hashes = jdbc.sql(
                        "SELECT token_hash FROM link_tokens WHERE expires_at < ? ORDER BY expires_at LIMIT ?")
                .params(Timestamps.utc(before), max)
                .query(String.class)
                .list();
        return hashes.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM link_tokens WHERE token_hash IN (:hashes)")
                        .param("hashes", hashes)
                        .update();
    }

    // --- identities ---------------------------------------------------------------------

    public Optional<ChannelIdentity> identity(Network channel, String externalId) {
        return jdbc.sql("SELECT " + IDENTITY_COLUMNS + " FROM channel_identities WHERE channel = ? AND external_id = ?")
                .params(channel.wireName(), externalId)
                .query(JdbcLinking::identity)
                .optional();
    }

    public Optional<ChannelIdentity> identity(IdentityId id) {
        return jdbc.sql("SELECT " + IDENTITY_COLUMNS + " FROM channel_identities WHERE id = ?")
                .param(id.value())
                .query(JdbcLinking::identity)
                .optional();
    }

    public Optional<ChannelIdentity> lockIdentity(IdentityId id) {
        return jdbc.sql("SELECT " + IDENTITY_COLUMNS + " FROM channel_identities WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcLinking::identity)
                .optional();
    }

    /** Chat accounts on a network that last reported this handle (compared lower-case), newest first. */
    public List<ChannelIdentity> identitiesByHandle(Network channel, String handle, int limit) {
        return jdbc.sql("SELECT " + IDENTITY_COLUMNS
                        + " FROM channel_identities WHERE channel = ? AND LOWER(handle) = ? "
                        + "ORDER BY created_at DESC, id LIMIT ?")
                .params(channel.wireName(), handle.toLowerCase(Locale.ROOT), limit)
                .query(JdbcLinking::identity)
                .list();
    }

    /** Linked chat accounts on a network whose external id sorts after {@code after}, in that order, at most {@code max}. */
    public List<ChannelIdentity> linkedAfter(Network channel, String after, int max) {
        return jdbc.sql("SELECT " + IDENTITY_COLUMNS + " FROM channel_identities WHERE channel = ? "
                        + "AND external_id > ? AND customer_id IS NOT NULL ORDER BY external_id LIMIT ?")
                .params(channel.wireName(), after, max)
                .query(JdbcLinking::identity)
                .list();
    }

    public List<ChannelIdentity> identitiesOf(CustomerId customer) {
        return jdbc.sql("SELECT " + IDENTITY_COLUMNS + " FROM channel_identities WHERE customer_id = ? "
                        + "ORDER BY linked_at, id")
                .param(customer.value())
                .query(JdbcLinking::identity)
                .list();
    }

    public void insertIdentity(ChannelIdentity i) {
        jdbc.sql("INSERT INTO channel_identities (" + IDENTITY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        i.id().value(),
                        i.channel().wireName(),
                        i.externalId(),
                        i.handle(),
                        i.phone(),
                        i.customerId() == null ? null : i.customerId().value(),
                        Timestamps.utc(i.linkedAt()),
                        i.reachable(),
                        Timestamps.utc(i.createdAt()))
                .update();
    }

    public void updateReport(IdentityId id, String handle, String phone, boolean reachable) {
        jdbc.sql("UPDATE channel_identities SET handle = ?, phone = ?, reachable = ? WHERE id = ?")
                .params(handle, phone, reachable, id.value())
                .update();
    }

    public void setCustomer(IdentityId id, CustomerId customer, Instant linkedAt) {
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(customer == null ? null : customer.value(), Timestamps.utc(linkedAt), id.value())
                .update();
    }

    // --- one-time links -----------------------------------------------------------------

    public void insertToken(Token t) {
        jdbc.sql("INSERT INTO link_tokens (token_hash, purpose, identity_id, challenge_id, customer_id, state, "
                        + "expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        t.hash(),
                        t.purpose(),
                        uuid(t.identityId()),
                        t.challengeId(),
                        t.customerId() == null ? null : t.customerId().value(),
                        t.state().wireName(),
                        Timestamps.utc(t.expiresAt()),
                        Timestamps.utc(t.createdAt()))
                .update();
    }

    public Optional<Token> lockToken(String hash) {
        return jdbc.sql("SELECT token_hash, purpose, identity_id, challenge_id, customer_id, state, expires_at, "
                        + "created_at FROM link_tokens WHERE token_hash = ? FOR UPDATE")
                .param(hash)
                .query((rs, n) -> new Token(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3) == null ? null : new IdentityId(rs.getObject(3, UUID.class)),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5) == null ? null : new CustomerId(rs.getObject(5, UUID.class)),
                        TokenState.fromWireName(rs.getString(6)),
                        Timestamps.instant(rs, 7),
                        Timestamps.instant(rs, 8)))
                .optional();
    }

    /**
     * Issue 13: whose page a token opens (its chat account, its customer once known), read without
     * a lock, for the page's language and zone; empty once expired.
     */
    public Optional<Token> pageOwner(String hash, Instant now) {
        return jdbc.sql("SELECT token_hash, purpose, identity_id, challenge_id, customer_id, state, expires_at, "
                        + "created_at FROM link_tokens WHERE token_hash = ? AND expires_at > ?")
                .params(hash, Timestamps.utc(now))
                .query((rs, n) -> new Token(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3) == null ? null : new IdentityId(rs.getObject(3, UUID.class)),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5) == null ? null : new CustomerId(rs.getObject(5, UUID.class)),
                        TokenState.fromWireName(rs.getString(6)),
                        Timestamps.instant(rs, 7),
                        Timestamps.instant(rs, 8)))
                .optional();
    }

    public void setBrowser(String hash, String browserHash) {
        jdbc.sql("UPDATE link_tokens SET browser_hash = ? WHERE token_hash = ?")
                .params(browserHash, hash)
                .update();
    }

    public Optional<String> browser(String hash) {
        return jdbc.sql("SELECT browser_hash FROM link_tokens WHERE token_hash = ?")
                .param(hash)
                .query(String.class)
                .optional()
                .filter(Objects::nonNull);
    }

    public void updateToken(String hash, TokenState state, UUID challengeId, CustomerId customer) {
        jdbc.sql("UPDATE link_tokens SET state = ?, challenge_id = ?, customer_id = ? WHERE token_hash = ?")
                .params(state.wireName(), challengeId, customer == null ? null : customer.value(), hash)
                .update();
    }

    /** A row of link_tokens. */
    public record Token(
            String hash,
            String purpose,
            IdentityId identityId,
            UUID challengeId,
            CustomerId customerId,
            TokenState state,
            Instant expiresAt,
            Instant createdAt) {}

    // --- code challenges ----------------------------------------------------------------

    public void insertChallenge(Challenge c) {
        jdbc.sql("INSERT INTO otp_challenges (" + CHALLENGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.customerId().value(),
                        c.purpose(),
                        c.method(),
                        c.context(),
                        c.codeHash(),
                        c.reference(),
                        c.summary(),
                        c.attempts(),
                        c.status(),
                        Timestamps.utc(c.expiresAt()),
                        Timestamps.utc(c.createdAt()))
                .update();
    }

    public Optional<Challenge> lockChallenge(UUID id) {
        return jdbc.sql("SELECT " + CHALLENGE_COLUMNS + " FROM otp_challenges WHERE id = ? FOR UPDATE")
                .param(id)
                .query(JdbcLinking::challenge)
                .optional();
    }

    public Optional<Challenge> challenge(UUID id) {
        return jdbc.sql("SELECT " + CHALLENGE_COLUMNS + " FROM otp_challenges WHERE id = ?")
                .param(id)
                .query(JdbcLinking::challenge)
                .optional();
    }

    public void updateChallenge(UUID id, int attempts, String status) {
        jdbc.sql("UPDATE otp_challenges SET attempts = ?, status = ? WHERE id = ?")
                .params(attempts, status, id)
                .update();
    }

    /** Pending challenges whose time is up, oldest first. */
    public List<UUID> dueChallenges(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM otp_challenges WHERE status = 'pending' AND expires_at <= ? "
                        + "ORDER BY expires_at LIMIT ?")
                .params(Timestamps.utc(now), limit)
                .query(UUID.class)
                .list();
    }

    /** A row of otp_challenges. */
    public record Challenge(
            UUID id,
            CustomerId customerId,
            String purpose,
            String method,
            String context,
            String codeHash,
            String reference,
            String summary,
            int attempts,
            String status,
            Instant expiresAt,
            Instant createdAt) {}

    // --- authenticator enrolments --------------------------------------------------------

    public Optional<Enrolment> enrolment(CustomerId customer) {
        return jdbc.sql("SELECT secret, last_step FROM totp_enrolments WHERE customer_id = ?")
                .param(customer.value())
                .query((rs, n) -> new Enrolment(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    /** Saves a new secret as pending (last_step -1): it works only after a first right code. */
    public void saveEnrolment(CustomerId customer, String sealedSecret, Instant now) {
        jdbc.sql("DELETE FROM totp_enrolments WHERE customer_id = ?")
                .param(customer.value())
                .update();
        jdbc.sql("INSERT INTO totp_enrolments (customer_id, secret, last_step, created_at) VALUES (?, ?, -1, ?)")
                .params(customer.value(), sealedSecret, Timestamps.utc(now))
                .update();
    }

    /**
     * Records a time step as used, only if it is later than the last one used: false when another
     * transaction got there first, so one code is never accepted twice.
     */
    public boolean useStep(CustomerId customer, long step) {
        return jdbc.sql("UPDATE totp_enrolments SET last_step = ? WHERE customer_id = ? AND last_step < ?")
                        .params(step, customer.value(), step)
                        .update()
                == 1;
    }

    /** A customer's sealed authenticator secret and the last time step a code was accepted for. */
    public record Enrolment(String sealedSecret, long lastStep) {}

    /** The web chat rotated its visitor id: the chat account keeps its row, under the new id. */
    public void moveExternalId(IdentityId id, String externalId) {
        jdbc.sql("UPDATE channel_identities SET external_id = ? WHERE id = ?")
                .params(externalId, id.value())
                .update();
    }

    // --- sign-in throttling -------------------------------------------------------------

    public Optional<Instant> lockedUntil(String key) {
        return jdbc.sql("SELECT locked_until FROM login_failures WHERE throttle_key = ?")
                .param(key)
                .query((rs, n) -> Timestamps.instant(rs, 1))
                .optional()
                .filter(Objects::nonNull);
    }

    /** Adds one failure to an existing key; false when the key has no row yet. */
    public boolean addFailure(String key, Instant now) {
        return jdbc.sql("UPDATE login_failures SET failures = failures + 1, updated_at = ? WHERE throttle_key = ?")
                        .params(Timestamps.utc(now), key)
                        .update()
                > 0;
    }

    public void insertThrottleKey(String key, Instant now) {
        jdbc.sql("INSERT INTO login_failures (throttle_key, failures, locked_until, updated_at) VALUES (?, 0, NULL, ?)")
                .params(key, Timestamps.utc(now))
                .update();
    }

    /** Locks the key's row until the transaction ends; false when it has no row. */
    public boolean lockThrottleKey(String key) {
        return jdbc.sql("SELECT throttle_key FROM login_failures WHERE throttle_key = ? FOR UPDATE")
                .param(key)
                .query(String.class)
                .optional()
                .isPresent();
    }

    public int failures(String key) {
        return jdbc.sql("SELECT failures FROM login_failures WHERE throttle_key = ?")
                .param(key)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    public void lock(String key, Instant until) {
        jdbc.sql("UPDATE login_failures SET failures = 0, locked_until = ? WHERE throttle_key = ?")
                .params(Timestamps.utc(until), key)
                .update();
    }

    public void clearFailures(String key) {
        jdbc.sql("DELETE FROM login_failures WHERE throttle_key = ?").param(key).update();
    }

    /**
     * Deletes up to {@code max} keys last failed before {@code before} and not locked at {@code
     * now}; the delete repeats the test, so a key that fails again meanwhile keeps its count.
     */
    public int deleteIdleThrottleKeys(Instant before, Instant now, int max) {
        List<String> keys = jdbc.sql("SELECT throttle_key FROM login_failures WHERE updated_at < ?"
                        + " AND (locked_until IS NULL OR locked_until <= ?) ORDER BY updated_at LIMIT ?")
                .params(Timestamps.utc(before), Timestamps.utc(now), max)
                .query(String.class)
                .list();
        return keys.isEmpty()
                ? 0
                : jdbc.sql("DELETE FROM login_failures WHERE throttle_key IN (:keys) AND updated_at < :before"
                                + " AND (locked_until IS NULL OR locked_until <= :now)")
                        .param("keys", keys)
                        .param("before", Timestamps.utc(before))
                        .param("now", Timestamps.utc(now))
                        .update();
    }

    // --- mapping ------------------------------------------------------------------------

    private static ChannelIdentity identity(ResultSet rs, int row) throws SQLException {
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new ChannelIdentity(
                new IdentityId(rs.getObject("id", UUID.class)),
                Network.fromWireName(rs.getString("channel")).orElseThrow(),
                rs.getString("external_id"),
                rs.getString("handle"),
                rs.getString("phone"),
                customer == null ? null : new CustomerId(customer),
                Timestamps.instant(rs, "linked_at"),
                rs.getBoolean("reachable"),
                Timestamps.instant(rs, "created_at"));
    }

    private static Challenge challenge(ResultSet rs, int row) throws SQLException {
        return new Challenge(
                rs.getObject("id", UUID.class),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("purpose"),
                rs.getString("method"),
                rs.getString("context"),
                rs.getString("code_hash"),
                rs.getString("reference"),
                rs.getString("summary"),
                rs.getInt("attempts"),
                rs.getString("status"),
                Timestamps.instant(rs, "expires_at"),
                Timestamps.instant(rs, "created_at"));
    }

    private static UUID uuid(IdentityId id) {
        return id == null ? null : id.value();
    }

    /** Drops what a chat account told us and its link; its open link pages stop working. */
    public void forget(IdentityId id) {
        jdbc.sql("UPDATE channel_identities SET customer_id = NULL, linked_at = NULL, handle = NULL, phone = NULL, "
                        + "reachable = FALSE WHERE id = ?")
                .param(id.value())
                .update();
        jdbc.sql("UPDATE link_tokens SET state = ? WHERE identity_id = ? AND state IN (?, ?)")
                .params(
                        TokenState.BURNED.wireName(),
                        id.value(),
                        TokenState.ISSUED.wireName(),
                        TokenState.SIGNED_IN.wireName())
                .update();
    }
}
