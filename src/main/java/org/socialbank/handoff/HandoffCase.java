package org.socialbank.handoff;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * One handoff as stored: whose chat, which queue (team, language), why, where it is, and its
 * times. {@code priority} 1 is fraud, 0 the rest.
 */
public record HandoffCase(
        CaseId id,
        IdentityId identity,
        Network channel,
        String recipient,
        String team,
        Language language,
        int priority,
        Reason reason,
        Status status,
        Optional<AgentId> agent,
        Instant queuedAt,
        Optional<Instant> assignedAt,
        Optional<Instant> firstResponseAt,
        Optional<Instant> snoozedUntil,
        Optional<Instant> closedAt,
        Optional<Integer> csat) {

    /** Why the conversation went to people. */
    public enum Reason {
        /** The customer asked for a person. */
        ASKED,
        /** The assistant could not answer with confidence, several times in a row. */
        UNSURE,
        /** A text held a keyword a supervisor set (fraud, complaint). */
        KEYWORD,
        /** A call of the API: a listening case, an agent taking a conversation over. */
        API
    }

    public enum Status {
        QUEUED,
        ASSIGNED,
        SNOOZED,
        RESOLVED,
        HANDED_BACK;

        /** Whether a person (or the queue) owns the conversation. */
        public boolean open() {
            return this == QUEUED || this == ASSIGNED || this == SNOOZED;
        }
    }

    public Owner owner() {
        if (!status.open()) {
            return new Owner.Bot();
        }
        return agent.<Owner>map(a -> new Owner.Agent(id, a)).orElseGet(() -> new Owner.Queue(id, team));
    }

    HandoffCase assignedTo(AgentId to, Instant now) {
        return new HandoffCase(
                id,
                identity,
                channel,
                recipient,
                team,
                language,
                priority,
                reason,
                Status.ASSIGNED,
                Optional.of(to),
                queuedAt,
                Optional.of(now),
                firstResponseAt,
                Optional.empty(),
                closedAt,
                csat);
    }

    /** Back in a queue, keeping its place: a transfer must not send the customer to the end. */
    HandoffCase queuedIn(String toTeam) {
        return new HandoffCase(
                id,
                identity,
                channel,
                recipient,
                toTeam,
                language,
                priority,
                reason,
                Status.QUEUED,
                Optional.empty(),
                queuedAt,
                Optional.empty(),
                firstResponseAt,
                Optional.empty(),
                closedAt,
                csat);
    }

    HandoffCase snoozedUntil(Instant until) {
        return new HandoffCase(
                id,
                identity,
                channel,
                recipient,
                team,
                language,
                priority,
                reason,
                Status.SNOOZED,
                agent,
                queuedAt,
                assignedAt,
                firstResponseAt,
                Optional.of(until),
                closedAt,
                csat);
    }

    HandoffCase awake() {
        return new HandoffCase(
                id,
                identity,
                channel,
                recipient,
                team,
                language,
                priority,
                reason,
                Status.ASSIGNED,
                agent,
                queuedAt,
                assignedAt,
                firstResponseAt,
                Optional.empty(),
                closedAt,
                csat);
    }

    HandoffCase answered(Instant now) {
        return firstResponseAt.isPresent()
                ? this
                : new HandoffCase(
                        id,
                        identity,
                        channel,
                        recipient,
                        team,
                        language,
                        priority,
                        reason,
                        status,
                        agent,
                        queuedAt,
                        assignedAt,
                        Optional.of(now),
                        snoozedUntil,
                        closedAt,
                        csat);
    }

    HandoffCase closed(Status to, Instant now) {
        return new HandoffCase(
                id,
                identity,
                channel,
                recipient,
                team,
                language,
                priority,
                reason,
                to,
                agent,
                queuedAt,
                assignedAt,
                firstResponseAt,
                Optional.empty(),
                Optional.of(now),
                csat);
    }

    /** The SLA timers now. */
    public Sla sla(Instant now, HandoffProperties properties) {
        return Sla.of(
                queuedAt,
                firstResponseAt,
                closedAt,
                now,
                properties.firstResponse(),
                properties.resolution(),
                properties.warningPercent());
    }

    Assignment.Waiting waiting() {
        return new Assignment.Waiting(id, team, language, priority, queuedAt);
    }
}
