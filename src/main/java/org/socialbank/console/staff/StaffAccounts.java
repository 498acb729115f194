package org.socialbank.console.staff;

import java.time.Clock;
import java.util.List;
import org.socialbank.console.StaffMember;
import org.socialbank.security.otp.TotpSecret;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes and lists staff accounts. */
@Service
public class StaffAccounts {

    /** A row of the admin's list: no secrets, no hashes. */
    public record Listed(StaffMember member, boolean active, boolean locked) {
    }

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
        if (!member.username().matches("[a-z][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException("a staff user name is 2..64 characters of a-z 0-9 . _ -, from a letter");
        }
        staff.insert(member, credentials.hash(password), credentials.seal(secret, member.id()), clock.instant());
    }

    public boolean exists(String username) {
        return staff.byUsername(username).isPresent();
    }

    @Transactional(readOnly = true)
    public List<Listed> list() {
        return staff.all().stream().map(a -> new Listed(a.member(), a.active(), a.lockedAt(clock.instant()))).toList();
    }
}
