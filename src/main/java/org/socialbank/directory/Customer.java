package org.socialbank.directory;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.Language;

/**
 * A customer of the bank.
 *
 * @param username the bank login, null for customers without one (e.g. claim-only)
 */
public record Customer(
        CustomerId id,
        String displayName,
        Language language,
        KycLevel kycLevel,
        CustomerStatus status,
        String username,
        Instant createdAt) {

    public static final int DISPLAY_NAME_LENGTH_MAX = 120;

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kycLevel, "kycLevel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (displayName == null || displayName.isBlank() || displayName.length() > DISPLAY_NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("displayName must be 1 to " + DISPLAY_NAME_LENGTH_MAX + " characters");
        }
    }
}
