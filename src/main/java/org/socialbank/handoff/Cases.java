package org.socialbank.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.conversation.ChatMessages;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening, assigning and pulling cases, in the caller's transaction. Rows are locked in one order
 * (the owner's row, then the agent's), so a customer's message and a staff action on the same
 * conversation are one after the other, and an agent's capacity holds on any node.
 */
@Component
class Cases {

    /** Waiting cases read to find an agent's next: the queue's head, in fair order. */
    static final int WAITING_READ_MAX = 500;

    private final JdbcHandoffs store;
    private final Notices notices;
    private final ChatMessages chats;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Cases(
            JdbcHandoffs store,
            Notices notices,
            ChatMessages chats,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.notices = notices;
        this.chats = chats;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Locks the conversation's owner row, creating it first (a concurrent creation is absorbed in a savepoint). */
    JdbcHandoffs.OwnerRow lockOwner(IdentityId identity) {
        return store.lockOwner(identity).orElseGet(() -> {
            try {
                savepoint.executeWithoutResult(s -> store.insertOwner(identity, null));
            } catch (DuplicateKeyException raced) {
                // created by a concurrent transaction; lock it like any other
            }
            return store.lockOwner(identity).orElseThrow();
        });
    }

    /** A case just opened (or the one already open) and what the customer is told. */
    record Opened(HandoffCase handoff, List<Outbound> notices, boolean fresh) {}

    /** Opens a case for the locked owner, unless one is open, and offers it to the next agent. */
    Opened open(
            JdbcHandoffs.OwnerRow owner,
            Network channel,
            String recipient,
            String team,
            Language language,
            int priority,
            HandoffCase.Reason reason) {
        if (owner.openCase().isPresent()) {
            return new Opened(store.find(owner.openCase().get()).orElseThrow(), List.of(), false);
        }
        Instant now = clock.instant();
        HandoffCase queued = new HandoffCase(
                new CaseId(UUID.randomUUID()),
                owner.identity(),
                channel,
                recipient,
                team,
                language,
                priority,
                reason,
                HandoffCase.Status.QUEUED,
                Optional.empty(),
                now,
                now, // its wait counts from now
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now, // an answer is owed from now
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        store.insertCase(queued);
        store.setOpenCase(owner.identity(), queued.id());
        store.append(
                queued.id(),
                "BANK",
                null,
                null,
                "queued: " + reason.name().toLowerCase(java.util.Locale.ROOT) + ", team " + team,
                null,
                now);
        Optional<HandoffCase> assigned = assign(queued);
        if (assigned.isPresent()) {
            return new Opened(assigned.get(), List.of(joined(assigned.get())), true);
        }
        return new Opened(queued, List.of(waiting(queued)), true);
    }

    /** What the customer of a waiting case is told: their place, and whether anyone of the queue is on duty. */
    private Outbound waiting(HandoffCase queued) {
        int position = Assignment.position(queued.waiting(), store.waiting(WAITING_READ_MAX));
        boolean onDuty = store.agents(clock.instant()).stream()
                .anyMatch(a -> a.available()
                        && a.teams().contains(queued.team())
                        && a.languages().contains(queued.language()));
        return onDuty
                ? notices.queued(queued.language(), position)
                : notices.queuedNobodyOnDuty(queued.language(), position);
    }

    /**
     * The case (its owner locked) goes back to its team's queue, keeping its place but waiting
     * afresh ({@link HandoffCase#queuedIn}), with why in its transcript; nobody is told yet
     * ({@link #offer}).
     */
    HandoffCase requeue(HandoffCase held, String why) {
        HandoffCase queued = held.queuedIn(held.team(), clock.instant());
        store.updateCase(queued);
        store.append(held.id(), "BANK", null, null, why, null, clock.instant());
        return queued;
    }

    /**
     * A waiting case (its owner locked) goes to the agent who is next, if any can take it, and its
     * customer is told truthfully: who joined, or their place in the queue. The notice's outbox row.
     */
    Optional<UUID> offer(HandoffCase queued) {
        Optional<HandoffCase> assigned = assign(queued);
        return assigned.isPresent() ? tell(assigned.get(), joined(assigned.get())) : tell(queued, waiting(queued));
    }

    /** Gives a queued case (its owner locked) to the agent who is next round-robin, if any can take it. */
    Optional<HandoffCase> assign(HandoffCase queued) {
        Optional<Assignment.Agent> next =
                Assignment.next(store.agents(clock.instant()), queued.team(), queued.language());
        if (next.isEmpty() || !stillCanTake(next.get().id(), queued)) {
            return Optional.empty();
        }
        return Optional.of(giveTo(queued, next.get().id()));
    }

    /** Locks the agent's row and checks their capacity again: a concurrent assignment may have used it. */
    boolean stillCanTake(AgentId agent, HandoffCase c) {
        return stillCanTake(agent, c.team(), c.language());
    }

    /** The same for a takeover: the agent chose the case, so only their capacity counts, not whether they are available. */
    boolean stillHasRoom(AgentId agent, String team, Language language) {
        return store.lockAgent(agent)
                && self(agent).map(a -> a.hasRoomFor(team, language)).orElse(false);
    }

    private boolean stillCanTake(AgentId agent, String team, Language language) {
        return store.lockAgent(agent)
                && self(agent).map(a -> a.canTake(team, language)).orElse(false);
    }

    private Optional<Assignment.Agent> self(AgentId agent) {
        return store.agents(clock.instant()).stream()
                .filter(a -> a.id().equals(agent))
                .findFirst();
    }

    HandoffCase giveTo(HandoffCase c, AgentId agent) {
        Instant now = clock.instant();
        HandoffCase assigned = c.assignedTo(agent, now);
        store.updateCase(assigned);
        store.assigned(agent, now);
        store.append(
                c.id(),
                "BANK",
                agent,
                null,
                "assigned to " + store.displayName(agent).orElse(agent.value()),
                null,
                now);
        return assigned;
    }

    Outbound joined(HandoffCase assigned) {
        AgentId agent = assigned.agent().orElseThrow();
        return notices.joined(assigned.language(), store.displayName(agent).orElse(agent.value()));
    }

    /**
     * An agent has room again: the first waiting case in fair order they can take is theirs, and its
     * customer is told. Repeats while they have room; at most {@code max} cases.
     */
    void pullFor(AgentId agent, int max) {
        for (int i = 0; i < max; i++) {
            Optional<Assignment.Agent> self = store.agents(clock.instant()).stream()
                    .filter(a -> a.id().equals(agent))
                    .findFirst();
            Optional<Assignment.Waiting> first =
                    self.flatMap(a -> Assignment.firstFor(a, store.waiting(WAITING_READ_MAX)));
            if (first.isEmpty() || !take(agent, first.get().id())) {
                return;
            }
        }
    }

    private boolean take(AgentId agent, CaseId id) {
        HandoffCase c = store.find(id).orElseThrow();
        lockOwner(c.identity());
        HandoffCase now = store.find(id).orElseThrow(); // read again under the owner's lock
        if (now.status() != HandoffCase.Status.QUEUED || !stillCanTake(agent, now)) {
            return false;
        }
        HandoffCase assigned = giveTo(now, agent);
        tell(assigned, joined(assigned));
        return true;
    }

    /** Writes a notice to the customer's chat and to the transcript. */
    Optional<UUID> tell(HandoffCase c, Outbound notice) {
        Optional<UUID> outbox = chats.send(c.identity(), notice).map(m -> m.id());
        store.append(c.id(), "BANK", null, null, summary(notice), outbox.orElse(null), clock.instant());
        return outbox;
    }

    static String summary(Outbound notice) {
        if (notice instanceof Outbound.Text text) {
            return text.text();
        }
        if (notice instanceof Outbound.Buttons buttons) {
            return buttons.text();
        }
        if (notice instanceof Outbound.Link link) {
            return link.text() + " [" + link.label() + "]";
        }
        return "[" + notice.getClass().getSimpleName() + "]";
    }
}
