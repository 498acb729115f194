package org.socialbank.applications;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * The janitor of approvals not fulfilled: a loan not paid out (or a card not issued) whose cause can
 * pass (her account frozen) is tried again every {@code instalment-interval}, on the instalment
 * job's schedule ({@link Instalments}). Each retry is claimed by a conditional update of its retry
 * time in its own transaction, so two nodes never try the same one at once; paying twice cannot
 * happen anyway (the loan's ids and its payout's transfer id are derived from the application's).
 * A cause that cannot pass (closed, no account) is left for staff.
 */
@Service
public class Fulfilments {

    private static final Logger log = LoggerFactory.getLogger(Fulfilments.class);

    /** Retries one run takes at most; the rest wait for the next run. */
    static final int BATCH_MAX = 100;

    private final JdbcApplications store;
    private final Applications applications;
    private final DurableTransactions writes;
    private final ApplicationsProperties properties;
    private final Clock clock;

    Fulfilments(
            JdbcApplications store,
            Applications applications,
            DurableTransactions writes,
            ApplicationsProperties properties,
            Clock clock) {
        this.store = store;
        this.applications = applications;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One run: answers how many approvals it paid out or issued. One that fails with an exception
     * (not a refusal: a fault) is logged and put back an interval, and the run goes on with the
     * others, so it never stands first in every run before them (review 2026-12-07).
     */
    public int run() {
        Instant now = Microseconds.now(clock);
        Instant next = now.plus(properties.instalmentInterval());
        int fulfilled = 0;
        for (JdbcApplications.Due due : store.due(now, BATCH_MAX)) {
            try {
                Boolean done = writes.write(status -> store.claim(due, next)
                        && applications.fulfil(store.lock(due.id()).orElseThrow()) instanceof Fulfilment.Fulfilled);
                if (Boolean.TRUE.equals(done)) {
                    fulfilled++;
                }
            } catch (RuntimeException e) {
                log.warn("approval {} not fulfilled: its retry failed, tried again after {}", due.id(), next, e);
                writes.write(status -> store.claim(due, next)); // its claim was rolled back with it
            }
        }
        return fulfilled;
    }
}
