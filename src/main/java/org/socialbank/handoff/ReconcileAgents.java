package org.socialbank.handoff;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.console.StaffDirectory;
import org.socialbank.console.StaffId;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every enrolled agent in line with the staff accounts (review 2026-12-07 console
 * follow-up): a person disabled, de-roled or moved out of a team before {@code
 * StaffAccountChanged} existed (or while a node missed it) stayed in the queues until their next
 * change. {@code reconcile-start-delay} after start-up and every {@code reconcile-interval}, each
 * agent whose id is a staff id is read against the staff directory ({@link
 * StaffAccountChanges#reconcile}): disabled or removed, out of every team and away, their cases back
 * to the queue, each customer told; otherwise teams and languages as the account has them. An agent
 * added through the API under an id of their own (no staff id) is no member of staff to judge and is
 * left alone. An agent in line is not written to, so running it again changes nothing. Each agent in
 * a transaction of their own, rows locked in the usual order, so several nodes may run it at once.
 *
 * <p>Off the start-up path, on the scheduler (review 2026-12-07 console follow-up): readiness does
 * not wait for thousands of agents, and a fault (the database lost for a moment, the directory
 * failing for one person) is logged: it neither fails the start nor stops the other agents; the
 * agent is seen again at the next run.
 */
@Component
class ReconcileAgents {

    /** Agents read in one page. */
    static final int PAGE_MAX = 100;
    /** Agents looked at in one run at most. */
    static final int AGENTS_MAX = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ReconcileAgents.class);

    private final JdbcHandoffs store;
    private final StaffDirectory staff;
    private final StaffAccountChanges changes;
    private final TransactionTemplate transactions;

    ReconcileAgents(
            JdbcHandoffs store,
            StaffDirectory staff,
            StaffAccountChanges changes,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.staff = staff;
        this.changes = changes;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            fixedDelayString = "${socialbank.handoff.reconcile-interval:1h}",
            initialDelayString = "${socialbank.handoff.reconcile-start-delay:1m}")
    void scheduled() {
        try {
            int changed = run();
            if (changed > 0) {
                log.info("{} agents were brought in line with their staff accounts", changed);
            }
        } catch (RuntimeException fault) {
            // a page of agents could not be read (the database lost for a moment): the next run tries again
            log.warn("the staff reconcile stopped this time", fault);
        }
    }

    /**
     * Brings every enrolled agent with a staff id (at most {@link #AGENTS_MAX} agents read) in line;
     * returns how many were out of line. An agent that could not be reconciled is logged and skipped.
     */
    int run() {
        int changed = 0;
        String after = "";
        for (int read = 0; read < AGENTS_MAX; read += PAGE_MAX) {
            List<AgentId> page = store.agentIds(after, PAGE_MAX);
            for (AgentId agent : page) {
                changed += agent.staff().map(id -> reconcile(agent, id)).orElse(false) ? 1 : 0;
            }
            if (page.size() < PAGE_MAX) {
                break;
            }
            after = page.get(page.size() - 1).value();
        }
        return changed;
    }

    /** One agent in a transaction of their own; false when in line already, or when it failed (logged). */
    private boolean reconcile(AgentId agent, StaffId id) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> changes.reconcile(agent, staff.find(id))));
        } catch (RuntimeException fault) {
            // a deadlock broken by the database (another node won), a lost connection, the directory failing:
            // this agent waits for the next run, the others go on
            log.warn("agent {} not reconciled this time", agent.value(), fault);
            return false;
        }
    }
}
