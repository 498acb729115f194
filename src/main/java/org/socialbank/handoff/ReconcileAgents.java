package org.socialbank.handoff;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.console.StaffDirectory;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings every enrolled agent in line with the staff accounts (review 2026-12-07 console
 * follow-up): a person disabled, de-roled or moved out of a team before {@code
 * StaffAccountChanged} existed (or while a node missed it) stayed in the queues until their next
 * change. At start-up and every {@code reconcile-interval}, each agent is read against the staff
 * directory ({@link StaffAccountChanges#reconcile}): disabled or removed, out of every team and away,
 * their cases back to the queue, each customer told; otherwise teams and languages as the account
 * has them. An agent in line is not written to, so running it again changes nothing. Each agent in
 * a transaction of their own, rows locked in the usual order, so several nodes may run it at once.
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

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        scheduled();
    }

    @Scheduled(
            fixedDelayString = "${socialbank.handoff.reconcile-interval:1h}",
            initialDelayString = "${socialbank.handoff.reconcile-interval:1h}")
    void scheduled() {
        int changed = run();
        if (changed > 0) {
            log.info("{} agents were brought in line with their staff accounts", changed);
        }
    }

    /** Brings every enrolled agent (at most {@link #AGENTS_MAX}) in line; returns how many were out of line. */
    int run() {
        int changed = 0;
        String after = "";
        for (int read = 0; read < AGENTS_MAX; read += PAGE_MAX) {
            List<AgentId> page = store.agentIds(after, PAGE_MAX);
            for (AgentId agent : page) {
                try {
                    Boolean outOfLine = transactions.execute(
                            status -> changes.reconcile(agent, agent.staff().flatMap(staff::find)));
                    changed += Boolean.TRUE.equals(outOfLine) ? 1 : 0;
                } catch (ConcurrencyFailureException raced) {
                    // another node's change of the same rows won (a deadlock broken): the next run sees it again
                    log.warn("agent {} not reconciled this time: {}", agent.value(), raced.getMessage());
                }
            }
            if (page.size() < PAGE_MAX) {
                break;
            }
            after = page.get(page.size() - 1).value();
        }
        return changed;
    }
}
