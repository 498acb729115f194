package org.socialbank.console.staff;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.socialbank.console.Role;
import org.socialbank.console.StaffDirectory;
import org.socialbank.console.StaffId;
import org.socialbank.console.StaffMember;
import org.socialbank.security.otp.TotpSecret;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes and lists staff accounts, and answers other modules' questions about staff. */
@Service
public class StaffAccounts implements StaffDirectory {

    /** A row of the admin's list: no secrets, no hashes. */
    public record Listed(StaffMember member, boolean active, boolean locked) {}

    /** What a staff user name is: 2..64 characters of a-z 0-9 . _ -, from a letter. */
    static final String USERNAME = "[a-z][a-z0-9._-]{1,63}";

    private final JdbcStaff staff;
    private final Credentials credentials;
    private final Clock clock;

    StaffAccounts(JdbcStaff staff, Credentials credentials, Clock clock) {
        this.staff = staff;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Adds an account with its password and authenticator secret. */
    @Transactional
    public void create(StaffMember member, String password, TotpSecret secret) {
        if (!member.username().matches(USERNAME)) {
            throw new IllegalArgumentException("a staff user name is 2..64 characters of a-z 0-9 . _ -, from a letter");
        }
        staff.insert(member, credentials.hash(password), credentials.seal(secret, member.id()), clock.instant());
    }

    /** An administrator lifts a lockout before it ends; false when there is no such account. */
    @Transactional
    public boolean unlock(String username) {
        return staff.unlock(username);
    }

    public boolean exists(String username) {
        return staff.byUsername(username).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StaffMember> find(StaffId id) {
        return staff.byId(id).filter(StaffAccount::active).map(StaffAccount::member);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StaffMember> findByUsername(String username) {
        return staff.byUsername(username).filter(StaffAccount::active).map(StaffAccount::member);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffMember> inTeam(String team, Role role) {
        return staff.all().stream()
                .filter(StaffAccount::active)
                .map(StaffAccount::member)
                .filter(m -> m.inTeam(team) && m.has(role))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Listed> list() {
        return staff.all().stream()
                .map(a -> new Listed(a.member(), a.active(), a.lockedAt(clock.instant())))
                .toList();
    }
}
