package org.socialbank.applications;

import java.time.Clock;
import java.time.Instant;
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

    /** One run: answers how many approvals it paid out or issued. */
    public int run() {
        Instant now = Microseconds.now(clock);
        int fulfilled = 0;
        for (JdbcApplications.Due due : store.due(now, BATCH_MAX)) {
            Boolean done = writes.write(status -> store.claim(due, now.plus(properties.instalmentInterval()))
                    && applications.fulfil(store.lock(due.id()).orElseThrow()) instanceof Fulfilment.Fulfilled);
            if (Boolean.TRUE.equals(done)) {
                fulfilled++;
            }
        }
        return fulfilled;
    }
}
