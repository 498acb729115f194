package org.socialbank.handoff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.socialbank.console.StaffAccountChanged;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Language;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An administrator's change to a staff account reaches the queues in the change's transaction
 * (review 2026-12-07 console #1). The agent's row takes the account's name, teams and languages
 * ({@link Handoffs#enrol}, as a console visit does): a person disabled, or no longer an agent or
 * supervisor, is in no team and away; a person who left a team or a language no longer gets its
 * cases. So neither is given a new case nor offered for a transfer or a reassignment. The open
 * cases they held that they no longer serve (a team or a language gone) go back to their queue,
 * keeping their place, and to the next agent who can take them; each customer is told who joined,
 * or their place in the queue.
 */
@Component
class StaffAccountChanges {

    /** Open cases of one person re-queued at most in one pass (a capacity is at most 50). */
    static final int HELD_READ_MAX = 500;

    private final JdbcHandoffs store;
    private final Cases cases;
    private final Handoffs handoffs;

    StaffAccountChanges(JdbcHandoffs store, Cases cases, Handoffs handoffs) {
        this.store = store;
        this.cases = cases;
        this.handoffs = handoffs;
    }

    @EventListener
    void on(StaffAccountChanged changed) {
        AgentId agent = new AgentId(changed.member().id().value().toString());
        if (store.displayName(agent).isEmpty()) {
            return; // never enrolled: no queue, no case
        }
        Set<String> teams =
                changed.answersCustomers() ? Set.copyOf(changed.member().teams()) : Set.of();
        Set<Language> languages = new HashSet<>();
        changed.member().languages().forEach(tag -> Language.fromTag(tag).ifPresent(languages::add));
        // owner rows before the agent's row: the lock order of every handoff action
        List<HandoffCase> queued = new ArrayList<>(requeue(agent, teams, languages));
        store.lockAgent(agent);
        // a known agent keeps their capacity and availability (the 0 is a new agent's capacity: none here)
        handoffs.enrol(agent, changed.member().displayName(), teams, languages, 0);
        if (teams.isEmpty()) {
            store.setAvailable(agent, false);
        }
        queued.addAll(requeue(agent, teams, languages)); // given to them while the first pass ran
        queued.forEach(cases::offer);
    }

    /** Puts back in their queue the open cases the agent holds in teams or languages they no longer serve. */
    private List<HandoffCase> requeue(AgentId agent, Set<String> teams, Set<Language> languages) {
        List<HandoffCase> queued = new ArrayList<>();
        for (HandoffCase held : store.heldBy(agent, HELD_READ_MAX)) {
            if (serves(held, teams, languages)) {
                continue;
            }
            cases.lockOwner(held.identity());
            HandoffCase now = store.find(held.id()).orElseThrow(); // read again under the owner's lock
            if (now.status().open()
                    && now.agent().filter(agent::equals).isPresent()
                    && !serves(now, teams, languages)) {
                queued.add(cases.requeue(
                        now,
                        "back to the queue: the agent no longer answers team " + now.team() + " in "
                                + now.language().tag()));
            }
        }
        return queued;
    }

    private static boolean serves(HandoffCase c, Set<String> teams, Set<Language> languages) {
        return teams.contains(c.team()) && languages.contains(c.language());
    }
}
