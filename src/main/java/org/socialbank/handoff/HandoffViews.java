package org.socialbank.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see (issue 19): the open cases of an agent's teams in fair order with their SLA
 * timers, a case's transcript (to agents of its team only), and the ratings per agent and team.
 */
@Service
public class HandoffViews {

    /** Open cases read at most for one view. */
    public static final int OPEN_MAX = 500;
    /** Transcript lines read at most: the newest; the page says how many older ones it does not show. */
    public static final int LINES_MAX = 1_000;
    /** A conversation the bot has is listed for take-over while it was active this recently. */
    public static final int BOT_ACTIVE_HOURS = 24;
    /** Conversations the bot has, listed at most. */
    public static final int BOT_MAX = 100;

    private final JdbcHandoffs store;
    private final Handoffs handoffs;
    private final HandoffProperties properties;
    private final Clock clock;

    HandoffViews(JdbcHandoffs store, Handoffs handoffs, HandoffProperties properties, Clock clock) {
        this.store = store;
        this.handoffs = handoffs;
        this.properties = properties;
        this.clock = clock;
    }

    /** One open case as the queue list shows it. */
    public record Entry(HandoffCase handoff, Sla sla, List<String> labels) {}

    /** The open cases of the agent's teams, fair order; empty for someone who is no agent. */
    @Transactional(readOnly = true)
    public List<Entry> queue(AgentId agent) {
        Optional<Assignment.Agent> self = handoffs.agent(agent);
        if (self.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return store.open(OPEN_MAX).stream()
                .filter(c -> self.get().teams().contains(c.team()))
                .map(c -> new Entry(c, c.sla(now, properties), store.labels(c.id())))
                .toList();
    }

    /** Every open case (a supervisor's view). */
    @Transactional(readOnly = true)
    public List<Entry> allOpen() {
        Instant now = clock.instant();
        return store.open(OPEN_MAX).stream()
                .map(c -> new Entry(c, c.sla(now, properties), store.labels(c.id())))
                .toList();
    }

    /** A case's transcript (its newest {@link #LINES_MAX} lines), to an agent of its team; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<List<JdbcHandoffs.Line>> transcript(AgentId agent, CaseId id) {
        Optional<Assignment.Agent> self = handoffs.agent(agent);
        return store.find(id)
                .filter(c -> self.map(a -> a.teams().contains(c.team())).orElse(false))
                .map(c -> store.transcript(id, LINES_MAX));
    }

    /** How many older lines of the case's transcript {@link #transcript} does not show. */
    @Transactional(readOnly = true)
    public long olderLines(CaseId id) {
        return Math.max(0, store.transcriptLines(id) - LINES_MAX);
    }

    /** The agents of a team (for a transfer or a reassignment), with their load. */
    @Transactional(readOnly = true)
    public List<Assignment.Agent> agentsOf(String team) {
        return store.agents(clock.instant()).stream()
                .filter(a -> a.teams().contains(team))
                .toList();
    }

    /** The agent as assignment sees them. */
    @Transactional(readOnly = true)
    public Optional<Assignment.Agent> agent(AgentId agent) {
        return handoffs.agent(agent);
    }

    public Optional<String> displayName(AgentId agent) {
        return store.displayName(agent);
    }

    public Optional<HandoffCase> find(CaseId id) {
        return store.find(id);
    }

    /** Conversations the bot answers that were active in the last {@link #BOT_ACTIVE_HOURS} hours, newest first. */
    @Transactional(readOnly = true)
    public List<JdbcHandoffs.BotConversation> botConversations() {
        return store.botConversations(clock.instant().minus(java.time.Duration.ofHours(BOT_ACTIVE_HOURS)), BOT_MAX);
    }

    /** Ratings per agent or per team of cases closed since then. */
    @Transactional(readOnly = true)
    public List<JdbcHandoffs.Ratings> ratings(boolean byTeam, Instant since) {
        return store.ratings(byTeam, since);
    }
}
