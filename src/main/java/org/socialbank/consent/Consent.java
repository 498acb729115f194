package org.socialbank.consent;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.Network;

/**
 * A chat account's consent for one purpose as it is now, and the change that made it so.
 *
 * @param text the exact text the customer was shown (or wrote, for a STOP)
 * @param evidence the inbound message id, or the caller's reference of the consent given elsewhere
 */
public record Consent(
        Network channel,
        String externalUserId,
        Purpose purpose,
        ConsentStatus status,
        Instant changedAt,
        String text,
        String evidence,
        ConsentSource source) {

    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalUserId, "externalUserId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(source, "source");
    }
}
