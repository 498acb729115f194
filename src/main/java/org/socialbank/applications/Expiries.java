package org.socialbank.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The expiry janitor (review 2026-12-07 applications follow-up): an application that waits on the
 * customer ({@link ApplicationStatus#awaitsForm()}: her form, or her answer to the bank's question)
 * with no change of status for {@code expire-after}, and whose last link has expired, becomes {@code
 * expired} (final): its link is spent, the change is audited as the system's and her chat is told,
 * in her language, how to start again. Each one is expired in its own transaction under its row
 * lock and by a conditional update from the status it was read in, so a second node, or her
 * signature arriving at the same moment, makes exactly one of them win. It runs on the instalment
 * job's schedule ({@link Instalments}).
 */
@Service
public class Expiries {

    private static final Logger log = LoggerFactory.getLogger(Expiries.class);

    /** Applications one run expires at most; the rest wait for the next run. */
    static final int BATCH_MAX = 100;
    /** The audit's actor of an expiry. */
    static final String JANITOR = "expiry.janitor";

    private final JdbcApplications store;
    private final JdbcStaffActions actions;
    private final DurableTransactions writes;
    private final ApplicationEventPublisher events;
    private final ApplicationsProperties properties;
    private final Clock clock;

    Expiries(
            JdbcApplications store,
            JdbcStaffActions actions,
            DurableTransactions writes,
            ApplicationEventPublisher events,
            ApplicationsProperties properties,
            Clock clock) {
        this.store = store;
        this.actions = actions;
        this.writes = writes;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run: answers how many applications it expired. */
    public int run() {
        Instant now = Microseconds.now(clock);
        List<ApplicationId> stale = store.stale(now.minus(properties.expireAfter()), now, BATCH_MAX);
        int expired = 0;
        for (ApplicationId id : stale) {
            try {
                if (expire(id)) {
                    expired++;
                }
            } catch (RuntimeException e) {
                log.warn("application {} not expired: this run failed on it, the next one tries again", id, e);
            }
        }
        return expired;
    }

    /**
     * Expires one application if it still waits on her and is stale; false when she (or another
     * node) changed it first.
     */
    boolean expire(ApplicationId id) {
        return writes.write(status -> {
            Instant now = Microseconds.now(clock);
            Instant before = now.minus(properties.expireAfter());
            Application a = store.lock(id).orElse(null);
            if (a == null || !a.status().awaitsForm() || !store.expire(a, before, now)) {
                return false;
            }
            actions.record(new StaffAction(
                    now,
                    StaffAction.ActorKind.SYSTEM,
                    JANITOR,
                    StaffAction.EXPIRY,
                    id,
                    null,
                    ApplicationStatus.EXPIRED.wireName(),
                    a.status().wireName()));
            events.publishEvent(new ApplicationStatusChanged(
                    id, a.customerId(), a.product(), ApplicationStatus.EXPIRED, null, List.of(), null));
            return true;
        });
    }
}
