package org.socialbank.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A case's two timers (issue 19): the first response (from when its present holder, a team or an
 * agent, began to owe an answer to their first reply: from queued, or from when an answered case
 * was passed on, review 2026-12-07 handoff follow-up) and the resolution (from queued to resolved
 * or handed back). Each is {@code OK}, {@code WARNING}
 * once the given share of its target has passed, or {@code BREACHED}; a timer that stopped keeps
 * the state it stopped in. Worked out when read, from the case's times and the clock: nothing
 * to schedule. Pure.
 */
public record Sla(State firstResponse, State resolution) {

    public enum State {
        OK,
        WARNING,
        BREACHED
    }

    public static Sla of(
            Instant queuedAt,
            Instant answerDueFrom,
            Optional<Instant> answeredAt,
            Optional<Instant> closedAt,
            Instant now,
            Duration firstResponseTarget,
            Duration resolutionTarget,
            int warningPercent) {
        return new Sla(
                state(answerDueFrom, answeredAt.orElse(now), firstResponseTarget, warningPercent),
                state(queuedAt, closedAt.orElse(now), resolutionTarget, warningPercent));
    }

    static State state(Instant from, Instant to, Duration target, int warningPercent) {
        Duration elapsed = Duration.between(from, to);
        if (elapsed.compareTo(target) > 0) {
            return State.BREACHED;
        }
        return elapsed.multipliedBy(100).compareTo(target.multipliedBy(warningPercent)) >= 0 ? State.WARNING : State.OK;
    }
}
