package org.socialbank.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer must not wait for a person for ever while the bot keeps silent: a case still in the
 * queue {@code queue-wait-max} after it was queued, or after it last went back to a queue (a
 * transfer, an agent gone or disabled: {@link HandoffCase#waitFrom}), is handed back to the bot, and
 * the customer is told; {@link HandoffClosed} ({@code WAITED_TOO_LONG}) tells the rest, so a listening case handed
 * over is no longer "with a person" and may be handed over again. Each case in a transaction of its own, its owner row locked and its state read again.
 *
 * <p>Nor may she wait for an agent who is gone (review 2026-12-07 console follow-up): an agent
 * available for new cases whom the console has not seen for {@code presence-timeout} (the browser
 * closed, the session ended) is marked away, and the cases they hold that they have not answered (an
 * answer by the agent who passed a case on does not count: review 2026-12-07 handoff follow-up) go
 * back to their queue, keeping their place, or to a colleague, each customer told in her language
 * ({@link RequeueHeldCases}, the path of a disabled agent); the cases they answered stay theirs.
 * Assignment already passed them over ({@link JdbcHandoffs#agents}). An agent away by choice who is
 * gone as long keeps that choice but gives back their unanswered cases the same way. Each agent in a
 * transaction of their own; on several nodes the agent is marked away by a conditional update under
 * the agent's lock, so only one node requeues and tells. Sightings are kept apart from the agent's
 * row and never wait for it, so one that comes at any moment of the pass is read again before the
 * commit: an agent the console saw meanwhile keeps everything (the transaction rolls back).
 */
@Component
public class QueueJanitor {

    /** Cases handed back, and agents marked away, at most in one run. */
    static final int BATCH_MAX = 100;

    private static final Logger log = LoggerFactory.getLogger(QueueJanitor.class);

    private final JdbcHandoffs store;
    private final Cases cases;
    private final RequeueHeldCases held;
    private final Notices notices;
    private final HandoffProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    QueueJanitor(
            JdbcHandoffs store,
            Cases cases,
            RequeueHeldCases held,
            Notices notices,
            HandoffProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.cases = cases;
        this.held = held;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            fixedDelayString = "${socialbank.handoff.janitor-interval:1m}",
            initialDelayString = "${socialbank.handoff.janitor-interval:1m}")
    void scheduled() {
        int handedBack = run();
        if (handedBack > 0) {
            log.info(
                    "{} conversations waited longer than {} for a person and went back to the bot",
                    handedBack,
                    properties.queueWaitMax());
        }
        int away = markUnseenAway();
        if (away > 0) {
            log.info(
                    "{} agents not seen at the console for {} were marked away or gave back their unanswered cases",
                    away,
                    properties.presenceTimeout());
        }
    }

    /** Hands back at most a batch of cases that waited too long; returns how many. */
    public int run() {
        Instant before = clock.instant().minus(properties.queueWaitMax());
        int handedBack = 0;
        for (CaseId id : store.waitingBefore(before, BATCH_MAX)) {
            Boolean done = transactions.execute(status -> handBack(id, before));
            handedBack += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return handedBack;
    }

    private boolean handBack(CaseId id, Instant before) {
        HandoffCase found = store.find(id).orElseThrow();
        cases.lockOwner(found.identity());
        HandoffCase c = store.find(id).orElseThrow(); // read again under the lock: an agent may have taken it
        if (c.status() != HandoffCase.Status.QUEUED || !c.waitFrom().isBefore(before)) {
            return false;
        }
        HandoffCase closed = c.closed(HandoffCase.Status.HANDED_BACK, clock.instant());
        store.updateCase(closed);
        store.setOpenCase(c.identity(), null);
        cases.tell(closed, notices.waitedTooLong(c.language()));
        // what keeps in step with the case (a listening case handed over) learns it ended unanswered
        events.publishEvent(new HandoffClosed(id, c.identity(), HandoffClosed.Way.WAITED_TOO_LONG, clock.instant()));
        return true;
    }

    /**
     * Marks away at most a batch of available agents the console no longer sees, and gives back the
     * unanswered cases of at most a batch of agents away by choice who are gone too (their choice
     * stays); returns how many agents.
     */
    int markUnseenAway() {
        Instant cutoff = clock.instant().minus(properties.presenceTimeout());
        int away = 0;
        for (AgentId agent : store.absentSince(cutoff, BATCH_MAX)) {
            away += giveBack(agent, cutoff, () -> store.markAwayIfAbsent(agent, cutoff)) ? 1 : 0;
        }
        // away by choice, then gone: nobody would ever answer these customers (review 2026-12-07 console follow-up)
        for (AgentId agent : store.awayWithUnansweredSince(cutoff, BATCH_MAX)) {
            away += giveBack(agent, cutoff, () -> !store.seenSince(agent, cutoff)) ? 1 : 0;
        }
        return away;
    }

    /**
     * One agent, in a transaction of its own: their unanswered cases go back when {@code stillUnseen}
     * (under the agent's lock) holds and no sighting came before the commit; false when the console
     * saw them meanwhile or another node did it.
     */
    private boolean giveBack(AgentId agent, Instant cutoff, BooleanSupplier stillUnseen) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                boolean done = held.from(
                        agent,
                        // a case this agent answered stays theirs; one answered by an agent before them does not
                        c -> c.answeredAt().isPresent(),
                        c -> "back to the queue: the agent was not seen at the console for "
                                + properties.presenceTimeout().toMinutes() + " minutes",
                        stillUnseen);
                // a sighting is never held up by the locks this pass took, so one that came during the
                // pass is read here, the last thing before the commit, and undoes it all
                if (!done || store.seenSince(agent, cutoff)) {
                    status.setRollbackOnly(); // seen meanwhile, or marked by another node: the requeue is undone
                    return false;
                }
                return true;
            }));
        } catch (ConcurrencyFailureException raced) {
            // another node's change of the same rows won (a deadlock broken): the next run sees the agent again
            log.warn("agent {} not marked away this time: {}", agent.value(), raced.getMessage());
            return false;
        }
    }
}
