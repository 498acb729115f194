package org.socialbank.conversation.engine;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's turn through one chat: it sends the claimed row and then, while each send succeeds,
 * its chat's next due row under a lease of its own, at most {@link #CHAT_TURN_MAX} rows. A chat's
 * rows still go one at a time and in order (only the earliest pending row of a chat is ever due);
 * handing each next one back to the dispatcher cost a pass of it per row, so a reply queued behind
 * a batch of its chat's alerts waited hundreds of milliseconds (issue 22). Split out of
 * {@link OutboxRelay} so the per-chat ordering reads apart from the pool that runs it.
 */
final class RelayTurns {

    /** Logs under the relay's name, as before the split, so log settings keyed on it still apply. */
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Most rows of one chat a worker sends in a row before it gives its place back. */
    static final int CHAT_TURN_MAX = 16;

    private final JdbcConversations store;
    private final RelayLeases leases;
    private final RelaySends sends;
    /** True once the relay stops: a worker sends no further row of its chat. */
    private final BooleanSupplier stopping;

    RelayTurns(JdbcConversations store, RelayLeases leases, RelaySends sends, BooleanSupplier stopping) {
        this.store = store;
        this.leases = leases;
        this.sends = sends;
        this.stopping = stopping;
    }

    /** Sends the claimed row and the rest of its chat's turn; answers how many rows were sent. */
    int sendInTurn(RelayLeases.Leased first) {
        UUID id = first.id();
        Instant lease = first.until();
        int sent = 0;
        while (true) {
            try {
                Optional<JdbcConversations.Pending> row = store.pending(id, lease);
                if (row.isEmpty() || !sends.send(row.get(), lease)) {
                    return sent;
                }
                sent++;
                if (!row.get().laterPending() || sent >= CHAT_TURN_MAX || stopping.getAsBoolean()) {
                    return sent;
                }
                Optional<RelayLeases.Leased> next = leases.claimNext(row.get());
                if (next.isEmpty()) {
                    return sent;
                }
                id = next.get().id();
                lease = next.get().until();
            } catch (RuntimeException e) {
                log.warn("outbox {}: {}; the row is taken again when its lease ends", id, e.toString());
                return sent;
            }
        }
    }
}
