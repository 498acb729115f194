package org.socialbank.applications;

import java.time.Clock;
import java.time.Duration;
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
 * in her language, how to start again, unless it became stale more than {@link #TOLD_WITHIN} ago (a
 * backlog: applications left from before the janitor existed, or while it was stopped, expire
 * silently, still audited; reread 2026-12-08). Each one is expired in its own transaction under its row
 * lock and by a conditional update from the status it was read in, so a second node, or her
 * signature arriving at the same moment, makes exactly one of them win. It runs on the instalment
 * job's schedule ({@link Instalments}) and pages until none is left, {@link #PAGES_MAX} pages a run
 * at most.
 */
@Service
public class Expiries {

    private static final Logger log = LoggerFactory.getLogger(Expiries.class);

    /** Applications one page reads at most. */
    static final int BATCH_MAX = 100;
    /** Pages one run takes at most (a backlog of years drains over several runs). */
    static final int PAGES_MAX = 24;
    /**
     * She is told only when her application became stale (expire-after passed and her last link
     * expired) at most this long ago; older ones are a backlog, and a notice of it would be noise.
     */
    static final Duration TOLD_WITHIN = Duration.ofDays(7);
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
        return run(BATCH_MAX);
    }

    /** One run reading pages of {@code pageMax}: answers how many applications it expired. */
    int run(int pageMax) {
        Instant now = Microseconds.now(clock);
        int expired = 0;
        JdbcApplications.Stale after = null;
        for (int page = 0; page < PAGES_MAX; page++) {
            List<JdbcApplications.Stale> stale = store.stale(now.minus(properties.expireAfter()), now, after, pageMax);
            for (JdbcApplications.Stale row : stale) {
                if (tryExpire(row.id())) {
                    expired++;
                }
            }
            if (stale.size() < pageMax) {
                break;
            }
            after = stale.get(stale.size() - 1);
        }
        return expired;
    }

    private boolean tryExpire(ApplicationId id) {
        try {
            return expire(id);
        } catch (RuntimeException e) {
            log.warn("application {} not expired: this run failed on it, the next one tries again", id, e);
            return false;
        }
    }

    /**
     * Expires one application if it still waits on her and is stale; false when she (or another
     * node) changed it first. She is told only when it became stale recently ({@link #TOLD_WITHIN}).
     */
    boolean expire(ApplicationId id) {
        return writes.write(status -> {
            Instant now = Microseconds.now(clock);
            Instant before = now.minus(properties.expireAfter());
            Application a = store.lock(id).orElse(null);
            if (a == null || !a.status().awaitsForm()) {
                return false;
            }
            boolean told = told(a, store.linkExpiresAt(id).orElse(null), now); // before the link is spent
            if (!store.expire(a, before, now)) {
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
            if (told) {
                events.publishEvent(new ApplicationStatusChanged(
                        id, a.customerId(), a.product(), ApplicationStatus.EXPIRED, null, List.of(), null));
            }
            return true;
        });
    }

    /**
     * Whether she is told: it became stale (expire-after after its last change, and its last link
     * expired) within {@link #TOLD_WITHIN} of now.
     */
    private boolean told(Application a, Instant linkExpiresAt, Instant now) {
        Instant staleSince = a.updatedAt().plus(properties.expireAfter());
        if (linkExpiresAt != null && linkExpiresAt.isAfter(staleSince)) {
            staleSince = linkExpiresAt;
        }
        return !staleSince.isBefore(now.minus(TOLD_WITHIN));
    }
}
