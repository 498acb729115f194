package org.socialbank.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialbank.conversation.ChatMessages;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.socialbank.shared.Language;
import org.socialbank.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owns a conversation, and the staff actions that change it (issue 19): open a case (an API
 * call: a listening case), take over, transfer to an agent or a team, snooze, resolve, hand back,
 * a supervisor's reassignment. Each action locks the conversation's owner row, so it and the
 * customer's messages are one after the other; what the customer is told goes through the outbox
 * in the same transaction. Agents' replies are {@link AgentReplies}.
 */
@Service
public class Handoffs {

    /** Cases an agent pulls from the queue at most when they get room. */
    static final int PULL_MAX = 50;

    private final JdbcHandoffs store;
    private final Cases cases;
    private final Notices notices;
    private final ChatMessages chats;
    private final ChannelIdentities identities;
    private final Directory directory;
    private final HandoffProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Handoffs(
            JdbcHandoffs store,
            Cases cases,
            Notices notices,
            ChatMessages chats,
            ChannelIdentities identities,
            Directory directory,
            HandoffProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.cases = cases;
        this.notices = notices;
        this.chats = chats;
        this.identities = identities;
        this.directory = directory;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Who owns the chat account's conversation now. */
    @Transactional(readOnly = true)
    public Owner owner(IdentityId identity) {
        return store.owner(identity)
                .flatMap(JdbcHandoffs.OwnerRow::openCase)
                .flatMap(store::find)
                .map(HandoffCase::owner)
                .orElseGet(Owner.Bot::new);
    }

    /**
     * Hands the conversation to a team's queue (a listening case, a rule elsewhere); the customer
     * is told their place, or who joined. The open case when there is one.
     */
    @Transactional
    public HandoffResult open(IdentityId identity, String team, boolean fraud) {
        Optional<ChatMessages.ChatAddress> chat = chats.address(identity);
        if (chat.isEmpty() || !Teams.valid(team)) {
            return new HandoffResult.Refused(chat.isEmpty() ? HandoffRefusal.NOT_FOUND : HandoffRefusal.INVALID);
        }
        Cases.Opened opened = cases.open(
                cases.lockOwner(identity),
                chat.get().channel(),
                chat.get().recipient(),
                team,
                language(identity),
                fraud ? 1 : 0,
                HandoffCase.Reason.API);
        opened.notices().forEach(n -> cases.tell(opened.handoff(), n));
        return HandoffResult.Done.of(opened.handoff().id());
    }

    /**
     * As {@link #open(IdentityId, String, boolean)}, with where the case comes from at the head of
     * its transcript for the agent (a listening case's mention: its source, author and text, and
     * the console page it came from), as a {@code LISTENING} line, any secret in it masked.
     */
    @Transactional
    public HandoffResult open(IdentityId identity, String team, boolean fraud, String context) {
        HandoffResult opened = open(identity, team, fraud);
        if (opened instanceof HandoffResult.Done done && context != null && !context.isBlank()) {
            store.append(
                    done.caseId(),
                    "LISTENING",
                    null,
                    null,
                    Secrets.screen(context.strip()).text(),
                    null,
                    clock.instant());
        }
        return opened;
    }

    /**
     * The agent takes the conversation: a waiting case of their team, or (opening a case) one the
     * bot has. Refused while another agent holds it (a supervisor reassigns) or when they are full.
     */
    @Transactional
    public HandoffResult takeOver(AgentId agent, IdentityId identity) {
        return takeOver(agent, identity, null);
    }

    /**
     * As {@link #takeOver(AgentId, IdentityId)}; a conversation the bot has becomes a case of
     * {@code team} (one of the agent's), or of the agent's first team when it is null or blank.
     */
    @Transactional
    public HandoffResult takeOver(AgentId agent, IdentityId identity, String team) {
        Optional<Assignment.Agent> self = agent(agent);
        Optional<ChatMessages.ChatAddress> chat = chats.address(identity);
        if (self.isEmpty() || chat.isEmpty()) {
            return new HandoffResult.Refused(self.isEmpty() ? HandoffRefusal.UNKNOWN_AGENT : HandoffRefusal.NOT_FOUND);
        }
        JdbcHandoffs.OwnerRow owner = cases.lockOwner(identity);
        HandoffCase open = owner.openCase().flatMap(store::find).orElse(null);
        if (open != null && open.agent().isPresent()) {
            return open.agent().get().equals(agent)
                    ? HandoffResult.Done.of(open.id())
                    : new HandoffResult.Refused(HandoffRefusal.NOT_YOURS);
        }
        String caseTeam = open != null
                ? open.team()
                : team != null && !team.isBlank()
                        ? team.strip()
                        : self.get().teams().stream().sorted().findFirst().orElse("");
        Language language = open != null ? open.language() : language(identity);
        if (!self.get().teams().contains(caseTeam) || !self.get().languages().contains(language)) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_IN_TEAM);
        }
        if (!cases.stillHasRoom(agent, caseTeam, language)) {
            return new HandoffResult.Refused(HandoffRefusal.AT_CAPACITY);
        }
        if (open == null) {
            Instant now = clock.instant();
            open = new HandoffCase(
                    new CaseId(java.util.UUID.randomUUID()),
                    identity,
                    chat.get().channel(),
                    chat.get().recipient(),
                    caseTeam,
                    language,
                    0,
                    HandoffCase.Reason.API,
                    HandoffCase.Status.QUEUED,
                    Optional.empty(),
                    now,
                    now,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    now,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
            store.insertCase(open);
            store.setOpenCase(identity, open.id());
        }
        HandoffCase assigned = cases.giveTo(open, agent);
        return new HandoffResult.Done(assigned.id(), cases.tell(assigned, cases.joined(assigned)), false);
    }

    /** The agent's case goes to another agent of its team and language, who has room. */
    @Transactional
    public HandoffResult transferToAgent(AgentId agent, CaseId id, AgentId to) {
        return mine(agent, id).map(c -> giveTo(c, to, false)).orElseGet(() -> refusal(agent, id));
    }

    /** A supervisor gives any open case to an agent of its team and language, over their capacity if need be. */
    @Transactional
    public HandoffResult reassign(AgentId supervisor, CaseId id, AgentId to) {
        Optional<HandoffCase> open = lockedOpen(id);
        if (open.isEmpty()) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_FOUND);
        }
        Optional<AgentId> from = open.get().agent();
        HandoffResult result = giveTo(open.get(), to, true);
        if (result instanceof HandoffResult.Done) { // a refusal leaves the case and its record as they were
            store.append(id, "NOTE", supervisor, null, "reassigned by " + supervisor.value(), null, clock.instant());
            from.filter(f -> !f.equals(to)).ifPresent(f -> cases.pullFor(f, PULL_MAX));
        }
        return result;
    }

    private HandoffResult giveTo(HandoffCase c, AgentId to, boolean overCapacity) {
        Optional<Assignment.Agent> target = agent(to);
        if (target.isEmpty()) {
            return new HandoffResult.Refused(HandoffRefusal.UNKNOWN_AGENT);
        }
        if (!target.get().teams().contains(c.team())
                || !target.get().languages().contains(c.language())) {
            return new HandoffResult.Refused(HandoffRefusal.NOT_IN_TEAM);
        }
        if (!store.lockAgent(to) || !overCapacity && !cases.stillHasRoom(to, c.team(), c.language())) {
            return new HandoffResult.Refused(HandoffRefusal.AT_CAPACITY);
        }
        Optional<AgentId> from = c.agent();
        HandoffCase assigned = cases.giveTo(c, to);
        Optional<java.util.UUID> told = cases.tell(assigned, cases.joined(assigned));
        if (!overCapacity) {
            from.ifPresent(f -> cases.pullFor(f, PULL_MAX));
        }
        return new HandoffResult.Done(assigned.id(), told, false);
    }

    /**
     * The agent's case goes back to a queue (another team's), keeping its place but waiting afresh
     * there; the agent gets room. The customer is told who joined, or her place in the queue (no
     * longer "Ana is with you" while nobody is); a team no agent belongs to is refused
     * ({@code unknown_team}: a typo would put her in a queue nobody serves). Review 2026-12-07
     * handoff follow-up.
     */
    @Transactional
    public HandoffResult transferToTeam(AgentId agent, CaseId id, String team) {
        if (!Teams.valid(team)) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        if (!store.teamHasAgents(team)) {
            return new HandoffResult.Refused(HandoffRefusal.UNKNOWN_TEAM);
        }
        return mine(agent, id)
                .<HandoffResult>map(c -> {
                    HandoffCase queued = c.queuedIn(team, clock.instant());
                    store.updateCase(queued);
                    store.append(id, "BANK", agent, null, "transferred to team " + team, null, clock.instant());
                    Optional<java.util.UUID> told = cases.offer(queued);
                    cases.pullFor(agent, PULL_MAX);
                    return new HandoffResult.Done(id, told, false);
                })
                .orElseGet(() -> refusal(agent, id));
    }

    /** The agent sets the case aside until a time (at most snooze-max); a customer's message wakes it. */
    @Transactional
    public HandoffResult snooze(AgentId agent, CaseId id, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(properties.snoozeMax()) > 0) {
            return new HandoffResult.Refused(HandoffRefusal.INVALID);
        }
        return mine(agent, id)
                .<HandoffResult>map(c -> {
                    store.updateCase(c.snoozedUntil(clock.instant().plus(duration)));
                    cases.pullFor(agent, PULL_MAX);
                    return HandoffResult.Done.of(id);
                })
                .orElseGet(() -> refusal(agent, id));
    }

    /** Resolved: the bot has the conversation again, and the customer gets the one-tap rating. */
    @Transactional
    public HandoffResult resolve(AgentId agent, CaseId id) {
        return close(agent, id, HandoffCase.Status.RESOLVED);
    }

    /** Handed back to the bot without a rating: the customer is told they are with the assistant again. */
    @Transactional
    public HandoffResult handBack(AgentId agent, CaseId id) {
        return close(agent, id, HandoffCase.Status.HANDED_BACK);
    }

    private HandoffResult close(AgentId agent, CaseId id, HandoffCase.Status to) {
        return mine(agent, id)
                .<HandoffResult>map(c -> {
                    HandoffCase closed = c.closed(to, clock.instant());
                    store.updateCase(closed);
                    store.setOpenCase(c.identity(), null);
                    Optional<java.util.UUID> told = cases.tell(closed, notices.backWithTheBot(c.language()));
                    if (to == HandoffCase.Status.RESOLVED) {
                        cases.tell(closed, notices.rateUs(c.language(), id));
                    }
                    cases.pullFor(agent, PULL_MAX);
                    HandoffClosed.Way way = to == HandoffCase.Status.RESOLVED
                            ? HandoffClosed.Way.RESOLVED
                            : HandoffClosed.Way.HANDED_BACK;
                    events.publishEvent(new HandoffClosed(id, c.identity(), way, clock.instant()));
                    return new HandoffResult.Done(id, told, false);
                })
                .orElseGet(() -> refusal(agent, id));
    }

    /**
     * Adds or changes an agent: their name for customers, capacity, teams and languages; their room
     * is filled from the queue. The refusal when a value is invalid.
     */
    @Transactional
    public Optional<HandoffRefusal> saveAgent(
            AgentId agent,
            String displayName,
            int capacity,
            boolean available,
            Set<String> teams,
            Set<Language> languages) {
        if (displayName == null
                || displayName.isBlank()
                || displayName.length() > 64
                || capacity < 0
                || capacity > 50
                || !teams.stream().allMatch(Teams::valid)) {
            return Optional.of(HandoffRefusal.INVALID);
        }
        store.saveAgent(agent, displayName.strip(), capacity, available, teams, languages);
        if (available) {
            store.seen(agent, clock.instant(), clock.instant()); // made available now: counts as there now
        }
        cases.pullFor(agent, PULL_MAX);
        return Optional.empty();
    }

    /**
     * Makes sure a member of staff who answers customers is an agent here, with their name, teams
     * and languages as the console knows them; a new agent starts away, with {@code capacity}.
     * Writes only when something changed.
     */
    @Transactional
    public void enrol(AgentId agent, String displayName, Set<String> teams, Set<Language> languages, int capacity) {
        if (enrolled(agent, displayName, teams, languages)) {
            return;
        }
        Optional<Assignment.Agent> known = agent(agent);
        Set<String> valid = validTeams(teams);
        String name = agentName(displayName);
        store.saveAgent(
                agent,
                name,
                known.map(Assignment.Agent::capacity).orElse(capacity),
                known.isPresent() && store.availableFlag(agent), // as chosen, not as presence reads it now
                valid,
                languages);
    }

    /** Whether the agent's row already has this name, these teams and these languages (as {@link #enrol} writes them). */
    boolean enrolled(AgentId agent, String displayName, Set<String> teams, Set<Language> languages) {
        Optional<Assignment.Agent> known = agent(agent);
        return known.isPresent()
                && known.get().teams().equals(validTeams(teams))
                && known.get().languages().equals(languages)
                && store.displayName(agent)
                        .filter(agentName(displayName)::equals)
                        .isPresent();
    }

    private static Set<String> validTeams(Set<String> teams) {
        return teams.stream().filter(Teams::valid).collect(java.util.stream.Collectors.toSet());
    }

    private static String agentName(String displayName) {
        return displayName.length() <= 64 ? displayName : displayName.substring(0, 64);
    }

    /** The agent is available (or not) for new cases; when available they take the queue's oldest they can. */
    @Transactional
    public void setAvailable(AgentId agent, boolean available) {
        store.setAvailable(agent, available);
        if (available) {
            store.seen(agent, clock.instant(), clock.instant()); // choosing to take cases is being there
            cases.pullFor(agent, PULL_MAX);
        }
    }

    /** The case, locked through its owner's row, while it is open and assigned to (or snoozed by) the agent. */
    Optional<HandoffCase> mine(AgentId agent, CaseId id) {
        return lockedOpen(id).filter(c -> c.agent().filter(agent::equals).isPresent());
    }

    Optional<HandoffCase> lockedOpen(CaseId id) {
        Optional<HandoffCase> c = store.find(id);
        c.ifPresent(found -> cases.lockOwner(found.identity()));
        return store.find(id).filter(found -> found.status().open()); // read again under the lock
    }

    HandoffResult refusal(AgentId agent, CaseId id) {
        return store.find(id)
                .<HandoffResult>map(c ->
                        new HandoffResult.Refused(c.status().open() ? HandoffRefusal.NOT_YOURS : HandoffRefusal.CLOSED))
                .orElseGet(() -> new HandoffResult.Refused(HandoffRefusal.NOT_FOUND));
    }

    Optional<Assignment.Agent> agent(AgentId agent) {
        return store.agents(clock.instant()).stream()
                .filter(a -> a.id().equals(agent))
                .findFirst();
    }

    /** The language of a conversation without a message: its last case's, else the linked customer's, else English. */
    private Language language(IdentityId identity) {
        return store.casesOf(identity, 1).stream()
                .map(HandoffCase::language)
                .findFirst()
                .or(() -> identities
                        .linkedCustomer(identity)
                        .flatMap(directory::customer)
                        .map(v -> v.customer().language()))
                .orElse(Language.EN);
    }

    List<HandoffCase> openCases(int limit) {
        return store.open(limit);
    }
}
