package org.socialbank.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.console.QueueFigures;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console dashboard's queue figures (issue 19 s4): per team and language, how many wait and
 * how long the oldest has, how many an agent has, and how many open cases breached their SLA
 * timers by the same rule as the queue page ({@link Sla}); and how many conversations were handed
 * to a person.
 */
@Component
class HandoffQueueFigures implements QueueFigures {

    /** Open cases read at most for one reading (a queue beyond it is a backlog the page shows anyway). */
    static final int OPEN_READ_MAX = 10_000;

    private final JdbcHandoffs store;
    private final HandoffProperties properties;

    HandoffQueueFigures(JdbcHandoffs store, HandoffProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Queue> queues(Instant now) {
        Map<String, long[]> counts =
                new LinkedHashMap<>(); // waiting, assigned, oldest wait ms, fr breached, res breached
        for (JdbcHandoffs.OpenTimes c : store.openTimes(OPEN_READ_MAX)) {
            long[] q = counts.computeIfAbsent(c.team() + "\u0000" + c.language(), k -> new long[5]);
            if ("QUEUED".equals(c.status())) {
                q[0]++;
                q[2] = Math.max(q[2], Duration.between(c.queuedAt(), now).toMillis());
            } else {
                q[1]++;
            }
            Sla sla = Sla.of(
                    c.queuedAt(),
                    c.answerDueFrom(),
                    c.answeredAt(),
                    Optional.empty(),
                    now,
                    properties.firstResponse(),
                    properties.resolution(),
                    properties.warningPercent());
            q[3] += sla.firstResponse() == Sla.State.BREACHED ? 1 : 0;
            q[4] += sla.resolution() == Sla.State.BREACHED ? 1 : 0;
        }
        List<Queue> queues = new ArrayList<>();
        counts.forEach((key, q) -> {
            String[] teamLanguage = key.split("\u0000", 2);
            queues.add(new Queue(
                    teamLanguage[0], teamLanguage[1], q[0], q[1], Duration.ofMillis(Math.max(0, q[2])), q[3], q[4]));
        });
        queues.sort(Comparator.comparingLong(Queue::waiting)
                .reversed()
                .thenComparing(Queue::team)
                .thenComparing(Queue::language));
        return queues.size() > QUEUES_MAX ? List.copyOf(queues.subList(0, QUEUES_MAX)) : queues;
    }

    @Override
    @Transactional(readOnly = true)
    public long handedOverSince(Instant since) {
        return store.openedSince(since);
    }
}
