package org.socialbank.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.socialbank.shared.Network;

/**
 * A chat account as its network reports it: (channel, external user id) with the handle and phone
 * the network last told us. Linked to at most one customer; unlinked ones get public answers only.
 *
 * @param reachable false once the network said the bot may no longer write there (blocked)
 */
public record ChannelIdentity(
        IdentityId id,
        Network channel,
        String externalId,
        String handle,
        String phone,
        CustomerId customerId,
        Instant linkedAt,
        boolean reachable,
        Instant createdAt) {

    public static final int EXTERNAL_ID_LENGTH_MAX = 128;

    public ChannelIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        if (externalId == null || externalId.isBlank() || externalId.length() > EXTERNAL_ID_LENGTH_MAX) {
            throw new IllegalArgumentException("externalId must be 1 to " + EXTERNAL_ID_LENGTH_MAX + " characters");
        }
    }

    public Optional<CustomerId> customer() {
        return Optional.ofNullable(customerId);
    }

    public boolean linked() {
        return customerId != null;
    }
}
