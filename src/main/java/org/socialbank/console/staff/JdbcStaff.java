package org.socialbank.console.staff;

import static org.socialbank.shared.jdbc.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialbank.console.Role;
import org.socialbank.console.StaffId;
import org.socialbank.console.StaffMember;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff table; the row mapping stays beside the SQL. */
@Repository
class JdbcStaff {

    /** An admin page lists at most this many; a bank's console has tens or hundreds of staff. */
    static final int LIST_MAX = 1000;

    private static final String COLUMNS = "id, username, display_name, password_hash, totp_secret_sealed, roles, "
            + "teams, languages, active, failed_attempts, locked_until, last_totp_step";

    private final JdbcClient jdbc;

    JdbcStaff(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffAccount> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_staff WHERE username = ?")
                .param(username)
                .query(JdbcStaff::account)
                .optional();
    }

    /**
     * The account with its row locked until the transaction ends: a sign-in step takes it first,
     * so the steps of one account (a code sent twice at once, a password beside a code) run one
     * after the other and always lock the account before the audit's head (no deadlock).
     */
    Optional<StaffAccount> lockedById(StaffId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_staff WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcStaff::account)
                .optional();
    }

    /** The account with its row locked: an administrator's change and a sign-in step take turns. */
    Optional<StaffAccount> lockedByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_staff WHERE username = ? FOR UPDATE")
                .param(username)
                .query(JdbcStaff::account)
                .optional();
    }

    void update(StaffMember m) {
        jdbc.sql("UPDATE console_staff SET display_name = ?, roles = ?, teams = ?, languages = ? WHERE id = ?")
                .params(
                        m.displayName(),
                        m.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(",")),
                        String.join(",", m.teams()),
                        String.join(",", m.languages()),
                        m.id().value())
                .update();
    }

    /** A new authenticator secret: none of its codes was used yet, so the step used last starts again. */
    void setSecret(StaffId id, String sealedSecret) {
        jdbc.sql("UPDATE console_staff SET totp_secret_sealed = ?, last_totp_step = -1 WHERE id = ?")
                .params(sealedSecret, id.value())
                .update();
    }

    void setActive(StaffId id, boolean active) {
        jdbc.sql("UPDATE console_staff SET active = ? WHERE id = ?")
                .params(active, id.value())
                .update();
    }

    Optional<StaffAccount> byId(StaffId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_staff WHERE id = ?")
                .param(id.value())
                .query(JdbcStaff::account)
                .optional();
    }

    List<StaffAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM console_staff ORDER BY username LIMIT " + LIST_MAX)
                .query(JdbcStaff::account)
                .list();
    }

    void insert(StaffMember m, String passwordHash, String sealedSecret, Instant now) {
        jdbc.sql("INSERT INTO console_staff (" + COLUMNS
                        + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, -1, ?)")
                .params(
                        m.id().value(),
                        m.username(),
                        m.displayName(),
                        passwordHash,
                        sealedSecret,
                        m.roles().stream().map(Role::wireName).sorted().collect(Collectors.joining(",")),
                        String.join(",", m.teams()),
                        String.join(",", m.languages()),
                        true,
                        utc(now))
                .update();
    }

    /** One more wrong password or code; the count after it. */
    int countFailure(StaffId id) {
        jdbc.sql("UPDATE console_staff SET failed_attempts = failed_attempts + 1 WHERE id = ?")
                .param(id.value())
                .update();
        return jdbc.sql("SELECT failed_attempts FROM console_staff WHERE id = ?")
                .param(id.value())
                .query(Integer.class)
                .single();
    }

    /** Clears a lock and the count of wrong tries; true when the account exists. */
    boolean unlock(String username) {
        return jdbc.sql("UPDATE console_staff SET failed_attempts = 0, locked_until = NULL WHERE username = ?")
                        .param(username)
                        .update()
                == 1;
    }

    void lock(StaffId id, Instant until) {
        jdbc.sql("UPDATE console_staff SET failed_attempts = 0, locked_until = ? WHERE id = ?")
                .params(utc(until), id.value())
                .update();
    }

    /**
     * Takes an authenticator time step for a sign-in: true only for a step later than every one
     * used before, so that a code is accepted once even when two nodes see it at the same moment.
     */
    boolean useStep(StaffId id, long step) {
        return jdbc.sql("UPDATE console_staff SET last_totp_step = ?, failed_attempts = 0, locked_until = NULL "
                                + "WHERE id = ? AND last_totp_step < ?")
                        .params(step, id.value(), step)
                        .update()
                == 1;
    }

    private static StaffAccount account(ResultSet rs, int row) throws SQLException {
        StaffMember member = new StaffMember(
                new StaffId(rs.getObject("id", UUID.class)),
                rs.getString("username"),
                rs.getString("display_name"),
                roles(rs.getString("roles")),
                list(rs.getString("teams")),
                list(rs.getString("languages")));
        return new StaffAccount(
                member,
                rs.getString("password_hash"),
                rs.getString("totp_secret_sealed"),
                rs.getBoolean("active"),
                rs.getInt("failed_attempts"),
                Timestamps.instant(rs, "locked_until"),
                rs.getLong("last_totp_step"));
    }

    private static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        list(text).forEach(r -> roles.add(Role.ofWireName(r)));
        return roles;
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
