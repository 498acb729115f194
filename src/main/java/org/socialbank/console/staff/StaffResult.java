package org.socialbank.console.staff;

import java.util.Objects;
import java.util.Optional;
import org.socialbank.security.otp.TotpSecret;

/**
 * What an administrator's change to a staff account did: done (with the credentials to hand over
 * once, when new ones were made), or refused with a stable code ({@code console.staff.refused.<code>}).
 */
public sealed interface StaffResult {

    /**
     * @param password a new account's first password, shown once and never stored in clear
     * @param secret a new authenticator secret, shown once
     * @param change what changed, for the audit (no secrets)
     */
    record Done(String username, Optional<String> password, Optional<TotpSecret> secret, String change)
            implements StaffResult {
        public Done {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(change, "change");
        }
    }

    record Refused(Code code) implements StaffResult {
        public Refused {
            Objects.requireNonNull(code, "code");
        }
    }

    /** Why a change was refused. */
    enum Code {
        /** The user name is not 2..64 of a-z 0-9 . _ - from a letter. */
        INVALID_USERNAME,
        /** Another account has that user name. */
        USERNAME_TAKEN,
        /** The name shown is empty or longer than 128 characters. */
        INVALID_NAME,
        /** An account needs at least one role. */
        NO_ROLE,
        /** A team is not 1..32 of a-z 0-9 - _, or there are more than 20. */
        INVALID_TEAM,
        /** A language is not one of the bank's five. */
        INVALID_LANGUAGE,
        /** There is no account with that user name. */
        NOT_FOUND,
        /** Administrators cannot disable themselves or take away their own admin role. */
        SELF;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
