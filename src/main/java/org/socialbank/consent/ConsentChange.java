package org.socialbank.consent;

import java.util.Objects;
import java.util.Optional;
import org.socialbank.shared.Network;

/**
 * A change of consent as asked: validated here, so that a bad one never reaches the store.
 * {@link #of} answers the stable code of the first thing wrong instead of throwing.
 */
public record ConsentChange(
        Network channel,
        String externalUserId,
        Purpose purpose,
        ConsentStatus status,
        String text,
        String evidence,
        ConsentSource source) {

    public static final int EXTERNAL_USER_ID_LENGTH_MAX = 128;
    public static final int TEXT_LENGTH_MAX = 2_000;
    public static final int EVIDENCE_LENGTH_MAX = 128;

    public ConsentChange {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        problem(externalUserId, text, evidence).ifPresent(code -> {
            throw new IllegalArgumentException(code);
        });
    }

    /** The stable code of what is wrong with these fields, or empty when they are fine. */
    public static Optional<String> problem(String externalUserId, String text, String evidence) {
        if (externalUserId == null
                || externalUserId.isBlank()
                || externalUserId.length() > EXTERNAL_USER_ID_LENGTH_MAX
                || externalUserId.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("external_user_id_invalid");
        }
        if (text == null || text.isBlank()) {
            return Optional.of("text_missing");
        }
        if (text.length() > TEXT_LENGTH_MAX) {
            return Optional.of("text_too_long");
        }
        if (evidence == null
                || evidence.isBlank()
                || evidence.length() > EVIDENCE_LENGTH_MAX
                || evidence.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("evidence_invalid");
        }
        return Optional.empty();
    }
}
