package org.socialbank.directory;

import java.util.List;
import java.util.Objects;
import org.socialbank.shared.Language;

/**
 * A request to register a customer; the id makes it idempotent.
 *
 * @param username the bank login, or null for a customer without one
 * @param password the login password (hashed before it is stored); null when there is no login
 */
public record NewCustomer(
        CustomerId id,
        String displayName,
        Language language,
        KycLevel kycLevel,
        String username,
        String password,
        List<CustomerView.AliasEntry> aliases) {

    public static final int PASSWORD_LENGTH_MIN = 10;
    public static final int PASSWORD_LENGTH_MAX = 128;
    /** bcrypt reads only the first 72 bytes of a password (Spring Security refuses longer ones). */
    public static final int PASSWORD_BYTES_MAX = 72;

    public static final int ALIASES_MAX = 16;

    public NewCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kycLevel, "kycLevel");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        if (aliases.stream().map(CustomerView.AliasEntry::alias).distinct().count() != aliases.size()) {
            throw new IllegalArgumentException("an alias is listed twice");
        }
        displayName = displayName == null ? null : displayName.strip();
        if (displayName == null
                || displayName.isBlank()
                || displayName.length() > Customer.DISPLAY_NAME_LENGTH_MAX
                || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("displayName must be 1 to " + Customer.DISPLAY_NAME_LENGTH_MAX
                    + " characters without control characters");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password come together");
        }
        if (username != null && !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw new IllegalArgumentException("username must be 3 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (password != null
                && (password.length() < PASSWORD_LENGTH_MIN
                        || password.length() > PASSWORD_LENGTH_MAX
                        || password.indexOf('\u0000') >= 0)) {
            throw new IllegalArgumentException(
                    "password must be " + PASSWORD_LENGTH_MIN + " to " + PASSWORD_LENGTH_MAX + " characters");
        }
        if (password != null && passwordTooLong(password)) {
            throw new IllegalArgumentException("password must be at most " + PASSWORD_BYTES_MAX + " bytes in UTF-8");
        }
        if (aliases.size() > ALIASES_MAX) {
            throw new IllegalArgumentException("at most " + ALIASES_MAX + " aliases");
        }
    }

    /**
     * True when the password is longer than bcrypt can hash: 72 bytes in UTF-8, which is 72 Latin
     * letters but only 36 Cyrillic or 24 Chinese ones.
     */
    public static boolean passwordTooLong(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PASSWORD_BYTES_MAX;
    }

    boolean sameAs(Customer c) {
        return c.displayName().equals(displayName)
                && c.language() == language
                && c.kycLevel() == kycLevel
                && Objects.equals(c.username(), username);
    }

    @Override
    public String toString() { // never print the password
        return "NewCustomer[id=" + id + ", username=" + username + "]";
    }

    /**
     * Issue 13: why a login someone chose (a wallet opened from a claim) cannot be one, by the
     * rules above: {@code invalid_username} or {@code invalid_password}; empty when it can.
     */
    public static java.util.Optional<String> signInProblem(String username, String password) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            return java.util.Optional.of("invalid_username");
        }
        if (password == null
                || password.length() < PASSWORD_LENGTH_MIN
                || password.length() > PASSWORD_LENGTH_MAX
                || password.indexOf('\u0000') >= 0
                || passwordTooLong(password)) {
            return java.util.Optional.of("invalid_password");
        }
        return java.util.Optional.empty();
    }
}
