package org.socialbank.handoff;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.socialbank.console.Permission;
import org.socialbank.console.StaffAccountChanged;
import org.socialbank.console.StaffMember;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Language;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An administrator's change to a staff account reaches the queues in the change's transaction
 * (review 2026-12-07 console #1); {@link ReconcileAgents} brings the same to agents whose account
 * changed before that event existed. The agent's row takes the account's name, teams and languages
 * ({@link Handoffs#enrol}, as a console visit does): a person disabled, removed, or no longer an
 * agent or supervisor, is in no team and away; a person who left a team or a language no longer gets
 * its cases. So neither is given a new case nor offered for a transfer or a reassignment. The open
 * cases they held that they no longer serve go back to their queue ({@link RequeueHeldCases}),
 * keeping their place, and to the next agent who can take them; each customer is told who joined,
 * or their place in the queue.
 */
@Component
class StaffAccountChanges {

    private final JdbcHandoffs store;
    private final Handoffs handoffs;
    private final RequeueHeldCases held;

    StaffAccountChanges(JdbcHandoffs store, Handoffs handoffs, RequeueHeldCases held) {
        this.store = store;
        this.handoffs = handoffs;
        this.held = held;
    }

    @EventListener
    void on(StaffAccountChanged changed) {
        AgentId agent = AgentId.of(changed.member().id());
        if (store.displayName(agent).isEmpty()) {
            return; // never enrolled: no queue, no case
        }
        sync(agent, Target.of(changed.member(), changed.answersCustomers()));
    }

    /**
     * Brings an enrolled agent whose id is a staff id in line with their active account ({@code
     * member}; empty: disabled or removed: out of every team, away, name and languages kept), in the
     * caller's transaction ({@link ReconcileAgents} never asks about an agent added through the API). False, writing nothing, when the agent was in line already.
     */
    boolean reconcile(AgentId agent, Optional<StaffMember> member) {
        Optional<Assignment.Agent> known = handoffs.agent(agent);
        Optional<String> name = store.displayName(agent);
        if (known.isEmpty() || name.isEmpty()) {
            return false; // no longer enrolled
        }
        Target target = member.map(m -> Target.of(m, m.can(Permission.CONVERSATIONS)))
                .orElseGet(() -> new Target(name.get(), Set.of(), known.get().languages()));
        boolean inLine = handoffs.enrolled(agent, target.name(), target.teams(), target.languages())
                && !(target.teams().isEmpty() && store.availableFlag(agent))
                && store.heldBy(agent, RequeueHeldCases.HELD_READ_MAX).stream().allMatch(target::serves);
        if (!inLine) {
            sync(agent, target);
        }
        return !inLine;
    }

    private void sync(AgentId agent, Target target) {
        held.from(
                agent,
                target::serves,
                c -> "back to the queue: the agent no longer answers team " + c.team() + " in "
                        + c.language().tag(),
                () -> {
                    // a known agent keeps their capacity and availability (the 0 is a new agent's capacity: none here)
                    handoffs.enrol(agent, target.name(), target.teams(), target.languages(), 0);
                    if (target.teams().isEmpty()) {
                        store.setAvailable(agent, false);
                    }
                    return true;
                });
    }

    /** What the agent's row should say: no team for a person who may not answer customers. */
    private record Target(String name, Set<String> teams, Set<Language> languages) {

        static Target of(StaffMember member, boolean answersCustomers) {
            Set<Language> languages = new HashSet<>();
            member.languages().forEach(tag -> Language.fromTag(tag).ifPresent(languages::add));
            return new Target(
                    member.displayName(), answersCustomers ? Set.copyOf(member.teams()) : Set.of(), languages);
        }

        boolean serves(HandoffCase c) {
            return teams.contains(c.team()) && languages.contains(c.language());
        }
    }
}
