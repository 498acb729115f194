package org.socialbank.handoff.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.handoff.AgentId;
import org.socialbank.handoff.Assignment;
import org.socialbank.handoff.CaseId;
import org.socialbank.handoff.HandoffCase;
import org.socialbank.handoff.HandoffProperties;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The handoff tables (V35, V81, V96, V107, V116): owners, cases, transcript, agents and their
 * sightings, keywords, labels. The module's one store: callers see this class and its rows; the SQL
 * lives in package-private parts, one per table or concern, each saying why it is apart (review
 * 2026-12-07 code health: one class of 739 lines was split, its SQL unchanged).
 */
@Repository
public class JdbcHandoffs {

    private final OwnerRows owners;
    private final CaseRows cases;
    private final TranscriptRows transcript;
    private final AgentRows agents;
    private final PresenceRows presence;
    private final KeywordRows keywords;
    private final BotConversationRows botConversations;
    private final QueueFigureRows figures;

    JdbcHandoffs(JdbcClient jdbc, HandoffProperties properties) {
        this.owners = new OwnerRows(jdbc);
        this.cases = new CaseRows(jdbc);
        this.transcript = new TranscriptRows(jdbc);
        this.agents = new AgentRows(jdbc, properties.presenceTimeout());
        this.presence = new PresenceRows(jdbc);
        this.keywords = new KeywordRows(jdbc);
        this.botConversations = new BotConversationRows(jdbc);
        this.figures = new QueueFigureRows(jdbc);
    }

    // --- owners (OwnerRows) -----------------------------------------------------------------

    /** Who owns a chat account's conversation: the open case (none: the bot), and the bot's unsure streak. */
    public record OwnerRow(
            IdentityId identity, Optional<CaseId> openCase, int unsureStreak, Optional<Instant> lastCustomerAt) {}

    public Optional<OwnerRow> lockOwner(IdentityId identity) {
        return owners.lockOwner(identity);
    }

    public Optional<OwnerRow> owner(IdentityId identity) {
        return owners.owner(identity);
    }

    public void insertOwner(IdentityId identity, Instant lastCustomerAt) {
        owners.insertOwner(identity, lastCustomerAt);
    }

    public void setOpenCase(IdentityId identity, CaseId openCase) {
        owners.setOpenCase(identity, openCase);
    }

    public void setUnsureStreak(IdentityId identity, int streak) {
        owners.setUnsureStreak(identity, streak);
    }

    public void customerWrote(IdentityId identity, Instant at) {
        owners.customerWrote(identity, at);
    }

    // --- cases (CaseRows) -------------------------------------------------------------------

    public void insertCase(HandoffCase c) {
        cases.insertCase(c);
    }

    public void updateCase(HandoffCase c) {
        cases.updateCase(c);
    }

    public boolean rate(CaseId id, int csat, Instant at) {
        return cases.rate(id, csat, at);
    }

    public void awaitComment(CaseId id, Instant until) {
        cases.awaitComment(id, until);
    }

    public Optional<HandoffCase> takeCommentAwaited(IdentityId identity, Instant now) {
        return cases.takeCommentAwaited(identity, now);
    }

    public Optional<HandoffCase> find(CaseId id) {
        return cases.find(id);
    }

    public List<HandoffCase> open(int limit) {
        return cases.open(limit);
    }

    public List<HandoffCase> heldBy(AgentId agent, int limit) {
        return cases.heldBy(agent, limit);
    }

    public List<Assignment.Waiting> waiting(int limit) {
        return cases.waiting(limit);
    }

    public List<CaseId> waitingBefore(Instant before, int limit) {
        return cases.waitingBefore(before, limit);
    }

    public List<HandoffCase> casesOf(IdentityId identity, int limit) {
        return cases.casesOf(identity, limit);
    }

    // --- transcript (TranscriptRows) --------------------------------------------------------

    /** One line of a case's transcript. {@code author}: CUSTOMER, AGENT, NOTE, BANK. */
    public record Line(long seq, String author, Optional<AgentId> agent, String body, Instant at) {}

    public void append(
            CaseId id, String author, AgentId agent, String clientId, String body, UUID outboxId, Instant at) {
        transcript.append(id, author, agent, clientId, body, outboxId, at);
    }

    public List<Line> transcript(CaseId id, int limit) {
        return transcript.transcript(id, limit);
    }

    public long transcriptLines(CaseId id) {
        return transcript.transcriptLines(id);
    }

    public long customerLines(CaseId id) {
        return transcript.customerLines(id);
    }

    public int keepNewestCustomerLines(CaseId id, int keep) {
        return transcript.keepNewestCustomerLines(id, keep);
    }

    public Optional<UUID> sentByClientId(AgentId agent, String clientId) {
        return transcript.sentByClientId(agent, clientId);
    }

    public void forget(IdentityId identity) {
        transcript.forget(identity);
    }

    // --- agents (AgentRows) -----------------------------------------------------------------

    public void saveAgent(
            AgentId id,
            String displayName,
            int capacity,
            boolean available,
            Set<String> teams,
            Set<Language> languages) {
        agents.saveAgent(id, displayName, capacity, available, teams, languages);
    }

    public void setAvailable(AgentId id, boolean available) {
        agents.setAvailable(id, available);
    }

    public boolean availableFlag(AgentId id) {
        return agents.availableFlag(id);
    }

    public boolean teamHasAgents(String team) {
        return agents.teamHasAgents(team);
    }

    public List<AgentId> agentIds(String after, int limit) {
        return agents.agentIds(after, limit);
    }

    public boolean lockAgent(AgentId id) {
        return agents.lockAgent(id);
    }

    public void assigned(AgentId id, Instant at) {
        agents.assigned(id, at);
    }

    public Optional<String> displayName(AgentId id) {
        return agents.displayName(id);
    }

    public List<Assignment.Agent> agents(Instant now) {
        return agents.agents(now);
    }

    // --- presence (PresenceRows) ------------------------------------------------------------

    public void seen(AgentId id, Instant now, Instant unlessSince) {
        presence.seen(id, now, unlessSince);
    }

    public boolean seenUnlessLocked(AgentId id, Instant now, Instant unlessSince) {
        return presence.seenUnlessLocked(id, now, unlessSince);
    }

    public boolean seenSince(AgentId id, Instant since) {
        return presence.seenSince(id, since);
    }

    public List<AgentId> absentSince(Instant cutoff, int limit) {
        return presence.absentSince(cutoff, limit);
    }

    public List<AgentId> awayWithUnansweredSince(Instant cutoff, int limit) {
        return presence.awayWithUnansweredSince(cutoff, limit);
    }

    public boolean markAwayIfAbsent(AgentId id, Instant cutoff) {
        return presence.markAwayIfAbsent(id, cutoff);
    }

    // --- keywords and labels (KeywordRows) --------------------------------------------------

    /** A supervisor's keyword: a text with it goes to this team, with this priority. */
    public record Keyword(String keyword, String team, int priority) {}

    public List<Keyword> keywords(int limit) {
        return keywords.keywords(limit);
    }

    public Optional<Keyword> lockKeyword(String keyword) {
        return keywords.lockKeyword(keyword);
    }

    public void saveKeyword(Keyword k, String setBy, Instant at) {
        keywords.saveKeyword(k, setBy, at);
    }

    public boolean removeKeyword(String keyword) {
        return keywords.removeKeyword(keyword);
    }

    public void label(CaseId id, String label) {
        keywords.label(id, label);
    }

    public List<String> labels(CaseId id) {
        return keywords.labels(id);
    }

    // --- conversations the bot has (BotConversationRows) ------------------------------------

    /** A conversation the bot owns: its chat account, channel, the linked customer's language, last activity. */
    public record BotConversation(
            IdentityId identity, Network channel, Optional<Language> language, boolean linked, Instant lastActiveAt) {}

    public List<BotConversation> botConversations(Instant since, int limit) {
        return botConversations.botConversations(since, limit);
    }

    // --- queue and dashboard figures (QueueFigureRows) --------------------------------------

    /** Ratings of one agent or team: how many cases were rated and the sum of their ratings. */
    public record Ratings(String who, int rated, int sum) {}

    /** An open case's queue and timers, for the dashboard's queue figures. */
    public record OpenTimes(
            String team,
            String language,
            String status,
            Instant queuedAt,
            Instant answerDueFrom,
            Optional<Instant> answeredAt) {}

    public long openFingerprint(int limit) {
        return figures.openFingerprint(limit);
    }

    public List<Ratings> ratings(boolean byTeam, Instant since) {
        return figures.ratings(byTeam, since);
    }

    public List<OpenTimes> openTimes(int max) {
        return figures.openTimes(max);
    }

    public long openedSince(Instant since) {
        return figures.openedSince(since);
    }
}
