package org.socialbank.campaigns;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.socialbank.directory.Network;

/**
 * A campaign and where its recipients are.
 *
 * @param channel the one network it goes to, null for every network
 * @param texts the message per language tag ({@code en}, {@code fr}, ...); {@code en} is required
 * @param recipients how many recipients are in each state ({@code queued}, {@code sent}, ...)
 */
public record Campaign(UUID id, String name, Network channel, Map<String, String> texts, String status,
        String createdBy, String approvedBy, Instant createdAt, Map<String, Long> recipients) {

    public static final int NAME_LENGTH_MAX = 200;
    public static final int TEXT_LENGTH_MAX = 4_000;

    public Campaign {
        texts = Map.copyOf(texts);
        recipients = Map.copyOf(recipients);
    }
}
