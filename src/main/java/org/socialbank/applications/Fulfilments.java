package org.socialbank.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * Approvals not fulfilled: a loan not paid out or a card not issued. The janitor tries one whose
 * cause can pass (her account frozen) again every {@code instalment-interval}, on the instalment
 * job's schedule ({@link Instalments}); each retry is claimed by a conditional update of its retry
 * time in its own transaction, so two nodes never try the same one at once; paying twice cannot
 * happen anyway (the loan's ids and its payout's transfer id are derived from the application's). A
 * cause that cannot pass (closed, no account) is left for staff, who list them and retry one.
 */
@Service
public class Fulfilments {

    private static final Logger log = LoggerFactory.getLogger(Fulfilments.class);

    /** Retries one run takes at most; the rest wait for the next run. */
    static final int BATCH_MAX = 100;

    private final JdbcApplications store;
    private final FulfilApproval fulfil;
    private final JdbcStaffActions actions;
    private final DurableTransactions writes;
    private final ApplicationsProperties properties;
    private final Clock clock;

    Fulfilments(
            JdbcApplications store,
            FulfilApproval fulfil,
            JdbcStaffActions actions,
            DurableTransactions writes,
            ApplicationsProperties properties,
            Clock clock) {
        this.store = store;
        this.fulfil = fulfil;
        this.actions = actions;
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
                        && fulfil.fulfil(store.lock(due.id()).orElseThrow(), FulfilApproval.JANITOR)
                                instanceof Fulfilment.Fulfilled);
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

    /**
     * An approved application not paid out ({@code not_paid_out}) or not issued ({@code
     * not_issued}), why ({@code reason}: a ledger, directory or cards code) and when it is tried
     * again (null: staff decide).
     */
    public record Unfulfilled(Application application, String state, String reason, Instant retryAt) {}

    /** Approved applications not paid out or not issued (the janitor's retries and staff's), oldest first. */
    public List<Unfulfilled> unfulfilled(int limit) {
        return unfulfilled(limit, null);
    }

    /** A page of {@link #unfulfilled(int)} after {@code after} (null: the first page). */
    public List<Unfulfilled> unfulfilled(int limit, UnfulfilledAfter after) {
        return store.unfulfilled(Math.max(1, Math.min(limit, 100)), after);
    }

    /** Where a page of {@link #unfulfilled} ends: the next page starts after it. */
    public record UnfulfilledAfter(Instant updatedAt, ApplicationId id) {}

    /** Staff's retry: the application and what is still outstanding (empty: paid out or issued), or why not. */
    public sealed interface Retry {}

    public record Retried(Application application, Optional<Unfulfilled> outstanding) implements Retry {}

    public record NotRetried(ApplicationRefusal code) implements Retry {}

    /**
     * Staff try an approval not fulfilled again now (review 2026-12-07): after her account was
     * unfrozen, or she opened a primary account in the loan's currency, whatever its cause. The
     * janitor's path in one transaction under the application's row lock: the loan's and its
     * payout's ids are derived from the application's, so it pays once whoever tries and however
     * often. Already paid out or issued: nothing is done. Only an approved application. Each retry
     * of an application is audited in its transaction with {@code actor} and its outcome
     * ({@link StaffAction}); an unknown application has nothing to audit.
     */
    public Retry retry(ApplicationId id, String actor) {
        return writes.write(status -> {
            Optional<Application> found = store.lock(id);
            if (found.isEmpty()) {
                return new NotRetried(ApplicationRefusal.APPLICATION_NOT_FOUND);
            }
            Application a = found.get();
            if (a.status() != ApplicationStatus.APPROVED) {
                audit(id, actor, ApplicationRefusal.NOT_APPROVED.code(), null);
                return new NotRetried(ApplicationRefusal.NOT_APPROVED);
            }
            boolean outstanding = store.unfulfilledOf(id).isPresent();
            if (outstanding) {
                Fulfilment outcome = fulfil.fulfil(a, null); // audited below, as staff's retry
                log.info("staff ({}) retried approval {}: {}", actor, id, outcome);
            }
            Optional<Unfulfilled> after = store.unfulfilledOf(id);
            audit(
                    id,
                    actor,
                    after.map(Unfulfilled::state).orElse(outstanding ? "fulfilled" : "already_fulfilled"),
                    after.map(Unfulfilled::reason).orElse(null));
            return new Retried(a, after);
        });
    }

    private void audit(ApplicationId id, String actor, String outcome, String reason) {
        actions.record(new StaffAction(
                Microseconds.now(clock),
                StaffAction.ActorKind.STAFF,
                actor,
                StaffAction.FULFILMENT_RETRY,
                id,
                null,
                outcome,
                reason));
    }
}
