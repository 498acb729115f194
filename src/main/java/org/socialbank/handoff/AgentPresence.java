package org.socialbank.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffMember;
import org.socialbank.console.StaffPresence;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.stereotype.Component;

/**
 * Keeps when the console last saw each agent ({@code handoff_agent_sightings}, V96), the presence
 * that assignment and the {@link QueueJanitor} read. A conditional update: at most once a
 * {@link #WRITE_EVERY} a person, on any node; nothing is kept in memory.
 *
 * <p>Best effort (review 2026-12-07 console follow-up): it runs on every console page, so it never
 * waits. The sighting has a row of its own, apart from the agent's row that the janitor and every
 * assignment lock, so it is written while they hold that row, and the janitor reads it again before
 * it commits: an agent seen during its pass is not marked away. Only another sighting of the same
 * person holds the sighting's row, and that one writes a time as fresh: then this one is skipped.
 */
@Component
class AgentPresence implements StaffPresence {

    /** A sighting within this long of the last one written is not written again. */
    static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    private final JdbcHandoffs store;
    private final Clock clock;

    AgentPresence(JdbcHandoffs store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void seen(StaffMember member) {
        if (member.can(Permission.CONVERSATIONS)) {
            Instant now = clock.instant();
            store.seenUnlessLocked(AgentId.of(member.id()), now, now.minus(WRITE_EVERY));
        }
    }
}
