package org.socialbank.conversation.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.shared.Network;

/**
 * How the outbox relay takes rows: each claimed with a lease, from the time it is taken, and the
 * lease's end is the row's token (an outcome is written only under it, so a relay that lost its
 * lease writes nothing). Split out of {@link OutboxRelay} so the three ways a row is taken (the
 * dispatcher's due rows, a reply just committed on this node, a chat's next row in a worker's
 * turn) share one lease rule.
 */
final class RelayLeases {

    /** A row claimed by this relay, and the end of its lease (its token). */
    record Leased(UUID id, Instant until) {}

    private final JdbcConversations store;
    private final Clock clock;
    private final Duration lease;

    RelayLeases(JdbcConversations store, Clock clock, Duration lease) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
    }

    /** Up to {@code max} due rows on the open channels (only the earliest pending row of a chat is due). */
    List<JdbcConversations.Due> due(List<Network> open, int max) {
        return store.due(open, clock.instant(), max);
    }

    /** The due row, claimed; empty when another relay took it first. */
    Optional<Leased> claim(UUID id) {
        // each lease from the time it is taken
        Instant claimed = clock.instant();
        Instant until = claimed.plus(lease);
        return store.claim(id, claimed, until) ? Optional.of(new Leased(id, until)) : Optional.empty();
    }

    /** The offered row, claimed when it is its chat's earliest pending row and due (issue 22). */
    Optional<Leased> claimIfFirst(RelaySignal.Offer offer) {
        Instant claimed = clock.instant();
        Instant until = claimed.plus(lease);
        return store.claimIfFirst(offer.id(), offer.channel(), offer.recipient(), claimed, until)
                ? Optional.of(new Leased(offer.id(), until))
                : Optional.empty();
    }

    /** The chat's next row, claimed, when it is due now (the one just sent is no longer pending). */
    Optional<Leased> claimNext(JdbcConversations.Pending sent) {
        Instant now = clock.instant();
        Optional<UUID> next = store.nextDue(sent.channel(), sent.recipient(), now);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        return claim(next.get());
    }
}
