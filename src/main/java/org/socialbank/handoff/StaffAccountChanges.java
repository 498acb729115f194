package org.socialbank.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.socialbank.console.StaffAccountChanged;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An administrator's change to a staff account reaches the queues in the change's transaction
 * (review 2026-12-07 console #1). A person disabled, or no longer an agent or supervisor, is away
 * and in no team; a person who left a team leaves its queue. So neither is given a new case nor
 * offered for a transfer or a reassignment. The open cases they held in the teams they no longer
 * serve go back to their queue, keeping their place, and to the next agent who can take them; each
 * customer is told who joined, or their place in the queue.
 */
@Component
class StaffAccountChanges {

    /** Open cases of one person re-queued at most in one pass (a capacity is at most 50). */
    static final int HELD_READ_MAX = 500;

    private final JdbcHandoffs store;
    private final Cases cases;

    StaffAccountChanges(JdbcHandoffs store, Cases cases) {
        this.store = store;
        this.cases = cases;
    }

    @EventListener
    void on(StaffAccountChanged changed) {
        AgentId agent = new AgentId(changed.member().id().value().toString());
        if (store.displayName(agent).isEmpty()) {
            return; // never enrolled: no queue, no case
        }
        Set<String> kept =
                changed.answersCustomers() ? Set.copyOf(changed.member().teams()) : Set.of();
        // owner rows before the agent's row: the lock order of every handoff action
        List<HandoffCase> queued = new ArrayList<>(requeue(agent, kept));
        store.lockAgent(agent);
        store.keepTeams(agent, kept);
        if (kept.isEmpty()) {
            store.setAvailable(agent, false);
        }
        queued.addAll(requeue(agent, kept)); // given to them while the first pass ran
        queued.forEach(cases::offer);
    }

    /** Puts back in their queue the open cases the agent holds in teams they no longer serve. */
    private List<HandoffCase> requeue(AgentId agent, Set<String> kept) {
        List<HandoffCase> queued = new ArrayList<>();
        for (HandoffCase held : store.heldBy(agent, HELD_READ_MAX)) {
            if (kept.contains(held.team())) {
                continue;
            }
            cases.lockOwner(held.identity());
            HandoffCase now = store.find(held.id()).orElseThrow(); // read again under the owner's lock
            if (now.status().open() && now.agent().filter(agent::equals).isPresent() && !kept.contains(now.team())) {
                queued.add(cases.requeue(now, "back to the queue: the agent no longer answers team " + now.team()));
            }
        }
        return queued;
    }
}
