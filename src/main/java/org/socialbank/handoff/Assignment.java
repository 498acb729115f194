package org.socialbank.handoff;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialbank.shared.Language;

/**
 * Who gets a case, and which case goes first (issue 19). A queue is served highest priority first
 * (fraud), then oldest first; a case goes round-robin to the agent of its team and language who
 * was given a case least recently, among those available and under their capacity. Pure.
 */
public final class Assignment {

    private Assignment() {}

    /** An agent as assignment sees them: {@code load} is how many open, unsnoozed cases they hold. */
    public record Agent(
            AgentId id,
            Set<String> teams,
            Set<Language> languages,
            int capacity,
            int load,
            boolean available,
            Optional<Instant> lastAssignedAt) {
        public Agent {
            teams = Set.copyOf(teams);
            languages = Set.copyOf(languages);
        }

        boolean canTake(String team, Language language) {
            return available && hasRoomFor(team, language);
        }

        /** Whether they may take such a case themselves (a takeover), available for new cases or not. */
        boolean hasRoomFor(String team, Language language) {
            return load < capacity && teams.contains(team) && languages.contains(language);
        }
    }

    /** A waiting case as the queue orders it. */
    public record Waiting(CaseId id, String team, Language language, int priority, Instant queuedAt) {}

    /** Highest priority first, then the longest waiting, then by id (a total order on any node). */
    public static final Comparator<Waiting> FAIR = Comparator.comparingInt((Waiting w) -> -w.priority())
            .thenComparing(Waiting::queuedAt)
            .thenComparing(w -> w.id().value());

    /** The agent who gets a case of this team and language next; empty when none can take it. */
    public static Optional<Agent> next(List<Agent> agents, String team, Language language) {
        return agents.stream()
                .filter(a -> a.canTake(team, language))
                .min(Comparator.comparing((Agent a) -> a.lastAssignedAt().orElse(Instant.MIN))
                        .thenComparing(a -> a.id().value()));
    }

    /** The first case in fair order this agent can take; empty when none. */
    public static Optional<Waiting> firstFor(Agent agent, List<Waiting> waiting) {
        return waiting.stream()
                .filter(w -> agent.canTake(w.team(), w.language()))
                .min(FAIR);
    }

    /** 1-based place of the case in its queue (team and language) in fair order. */
    public static int position(Waiting of, List<Waiting> queue) {
        return (int) queue.stream()
                        .filter(w ->
                                w.team().equals(of.team()) && w.language() == of.language() && FAIR.compare(w, of) < 0)
                        .count()
                + 1;
    }
}
