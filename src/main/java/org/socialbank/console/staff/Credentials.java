package org.socialbank.console.staff;

import java.util.Optional;
import org.socialbank.console.StaffId;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.security.otp.Sealer;
import org.socialbank.security.otp.TotpSecret;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How staff credentials are kept: passwords as bcrypt hashes, authenticator secrets sealed with
 * AES-GCM under a key of their own and bound to the account's id (a secret copied to another row
 * does not open).
 */
@Component
class Credentials {

    /** Passwords shorter than this are refused when an account is made. */
    static final int PASSWORD_MIN = 12;

    static final int PASSWORD_MAX = 128;

    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
    private final Sealer sealer;
    /** Compared against when the name is unknown, so that a wrong name takes as long as a wrong password. */
    private final String decoy;

    Credentials(OneTimeCodes codes) {
        this.sealer = new Sealer(codes, "console staff authenticator secrets");
        this.decoy = passwords.encode("decoy password for unknown names");
    }

    String hash(String password) {
        if (password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            throw new IllegalArgumentException(
                    "a staff password must be " + PASSWORD_MIN + ".." + PASSWORD_MAX + " characters");
        }
        return passwords.encode(password);
    }

    boolean matches(String password, Optional<String> hash) {
        boolean match = passwords.matches(password, hash.orElse(decoy));
        return hash.isPresent() && match;
    }

    String seal(TotpSecret secret, StaffId owner) {
        return sealer.seal(secret.base32(), owner.value().toString());
    }

    TotpSecret open(String sealed, StaffId owner) {
        return TotpSecret.ofBase32(sealer.open(sealed, owner.value().toString()));
    }
}
