package org.socialbank.handoff;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer must not wait for a person for ever while the bot keeps silent: a case still in the
 * queue {@code queue-wait-max} after it was queued is handed back to the bot, and the customer is
 * told. Each case in a transaction of its own, its owner row locked and its state read again.
 */
@Component
public class QueueJanitor {

    static final int BATCH_MAX = 100;
    private static final Logger log = LoggerFactory.getLogger(QueueJanitor.class);

    private final JdbcHandoffs store;
    private final Cases cases;
    private final Notices notices;
    private final HandoffProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    QueueJanitor(
            JdbcHandoffs store,
            Cases cases,
            Notices notices,
            HandoffProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.cases = cases;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
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
    }

    /** Hands back at most a batch of cases that waited too long; returns how many. */
    public int run() {
        Instant before = clock.instant().minus(properties.queueWaitMax());
        int handedBack = 0;
        for (CaseId id : store.queuedBefore(before, BATCH_MAX)) {
            Boolean done = transactions.execute(status -> handBack(id, before));
            handedBack += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return handedBack;
    }

    private boolean handBack(CaseId id, Instant before) {
        HandoffCase found = store.find(id).orElseThrow();
        cases.lockOwner(found.identity());
        HandoffCase c = store.find(id).orElseThrow(); // read again under the lock: an agent may have taken it
        if (c.status() != HandoffCase.Status.QUEUED || !c.queuedAt().isBefore(before)) {
            return false;
        }
        HandoffCase closed = c.closed(HandoffCase.Status.HANDED_BACK, clock.instant());
        store.updateCase(closed);
        store.setOpenCase(c.identity(), null);
        cases.tell(closed, notices.waitedTooLong(c.language()));
        return true;
    }
}
