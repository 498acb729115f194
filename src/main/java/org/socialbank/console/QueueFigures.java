package org.socialbank.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The people's queues as the dashboard shows them (issue 19 s4: queue lengths, waits, SLA breaches,
 * handoff rate), given by the module that keeps the queues (an SPI: the console does not know how
 * cases are stored). Without an implementation the dashboard shows no queue figures.
 */
public interface QueueFigures {

    /** Most queues one reading lists. */
    int QUEUES_MAX = 200;

    /**
     * One queue (a team and a language) now.
     *
     * @param waiting cases waiting for a person
     * @param assigned cases with an agent (snoozed ones included)
     * @param longestWait how long the oldest waiting case has waited (zero when none waits)
     * @param firstResponseBreached open cases past the first-response target without a first response
     * @param resolutionBreached open cases past the resolution target
     */
    record Queue(
            String team,
            String language,
            long waiting,
            long assigned,
            Duration longestWait,
            long firstResponseBreached,
            long resolutionBreached) {}

    /** The open queues, busiest first, at most {@link #QUEUES_MAX}. */
    List<Queue> queues(Instant now);

    /** How many conversations were handed to a person (a case opened) since then. */
    long handedOverSince(Instant since);
}
