package org.socialbank.handoff;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * One handoff as stored: whose chat, which queue (team, language), why, where it is, and its
 * times. {@code priority} 1 is fraud, 0 the rest. {@code queuedAt} is its place in the fair order
 * and never changes; {@code waitFrom} is since when it counts against {@code queue-wait-max}: when
 * it was queued, or when it last went back to a queue (review 2026-12-07 console follow-up), so
 * the hours a customer spent with an agent who then left are not held against her.
 *
 * <p>{@code firstResponseAt} is the case's first answer by anyone, for reports; {@code answeredAt}
 * is this assignment's (review 2026-12-07 handoff follow-up): cleared when the case is passed on
 * (to an agent or a queue), so an agent who takes an answered case and never writes holds an
 * unanswered case the janitor gives back. {@code answerDueFrom} is since when the present holder
 * owes the customer an answer, where the first-response timer starts: when it was queued, or when
 * an answered case was passed on; a case nobody answered keeps it (her wait is not reset).
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
        Instant waitFrom,
        Optional<Instant> assignedAt,
        Optional<Instant> firstResponseAt,
        Optional<Instant> answeredAt,
        Instant answerDueFrom,
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
        return moved(
                team,
                Status.ASSIGNED,
                waitFrom,
                Optional.of(to),
                Optional.of(now),
                passedOn(now),
                Optional.empty(),
                closedAt);
    }

    /**
     * Back in a queue at {@code now}, keeping its place (a transfer or an agent who left must not
     * send the customer to the end) but waiting afresh: the customer, just told her place, is not
     * told a minute later that she waited too long.
     */
    HandoffCase queuedIn(String toTeam, Instant now) {
        return moved(
                toTeam,
                Status.QUEUED,
                now,
                Optional.empty(),
                Optional.empty(),
                passedOn(now),
                Optional.empty(),
                closedAt);
    }

    /**
     * The answer times of the case passed on at {@code now}: the next holder has not answered yet,
     * and owes an answer from now if the last one gave one, else since the customer began to wait.
     */
    private Answers passedOn(Instant now) {
        return new Answers(firstResponseAt, Optional.empty(), answeredAt.isPresent() ? now : answerDueFrom);
    }

    private Answers answers() {
        return new Answers(firstResponseAt, answeredAt, answerDueFrom);
    }

    /** The case's answer times, moved together. */
    private record Answers(Optional<Instant> first, Optional<Instant> answered, Instant dueFrom) {}

    HandoffCase snoozedUntil(Instant until) {
        return moved(team, Status.SNOOZED, waitFrom, agent, assignedAt, answers(), Optional.of(until), closedAt);
    }

    HandoffCase awake() {
        return moved(team, Status.ASSIGNED, waitFrom, agent, assignedAt, answers(), Optional.empty(), closedAt);
    }

    /** Its holder answered at {@code now}: the case's first answer if none came before, and this assignment's. */
    HandoffCase answered(Instant now) {
        return answeredAt.isPresent()
                ? this
                : moved(
                        team,
                        status,
                        waitFrom,
                        agent,
                        assignedAt,
                        new Answers(firstResponseAt.or(() -> Optional.of(now)), Optional.of(now), answerDueFrom),
                        snoozedUntil,
                        closedAt);
    }

    HandoffCase closed(Status to, Instant now) {
        return moved(team, to, waitFrom, agent, assignedAt, answers(), Optional.empty(), Optional.of(now));
    }

    /** The same case with what a step of its life changes; who, why and since when stay. */
    private HandoffCase moved(
            String toTeam,
            Status toStatus,
            Instant toWaitFrom,
            Optional<AgentId> toAgent,
            Optional<Instant> toAssignedAt,
            Answers toAnswers,
            Optional<Instant> toSnoozedUntil,
            Optional<Instant> toClosedAt) {
        return new HandoffCase(
                id,
                identity,
                channel,
                recipient,
                toTeam,
                language,
                priority,
                reason,
                toStatus,
                toAgent,
                queuedAt,
                toWaitFrom,
                toAssignedAt,
                toAnswers.first(),
                toAnswers.answered(),
                toAnswers.dueFrom(),
                toSnoozedUntil,
                toClosedAt,
                csat);
    }

    /**
     * The SLA timers now. The first response is its present holder's (team or agent): from when
     * they began to owe an answer to their answer, so a case answered once and passed on does not
     * count as answered in the team that has it now.
     */
    public Sla sla(Instant now, HandoffProperties properties) {
        return Sla.of(
                queuedAt,
                answerDueFrom,
                answeredAt,
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
