package org.socialbank.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.socialbank.handoff.jdbc.JdbcHandoffs;
import org.springframework.stereotype.Component;

/**
 * The one path by which an agent gives back open cases they may no longer keep: a staff account's
 * change ({@link StaffAccountChanges}, also from the staff reconcile) and an agent the console no
 * longer sees ({@link QueueJanitor}). In the caller's transaction; rows are locked in the order
 * of every handoff action (owner rows, then the agent's row).
 */
@Component
class RequeueHeldCases {

    /** Open cases of one person re-queued at most in one pass (a capacity is at most 50). */
    static final int HELD_READ_MAX = 500;

    private final JdbcHandoffs store;
    private final Cases cases;
    private final Handoffs handoffs;

    RequeueHeldCases(JdbcHandoffs store, Cases cases, Handoffs handoffs) {
        this.store = store;
        this.cases = cases;
        this.handoffs = handoffs;
    }

    /**
     * The agent's held cases that {@code keeps} refuses go back to their queue, keeping their place,
     * with {@code why} in their transcript; then the agent's row is locked and {@code change} changes
     * it; cases given to the agent while the first pass ran are put back too, and each customer is
     * told who joined, or their place in the queue ({@link Cases#offer}). When {@code change}
     * answers false (nothing to change after all) nobody is told and this answers false: the caller
     * rolls its transaction back.
     */
    boolean from(
            AgentId agent, Predicate<HandoffCase> keeps, Function<HandoffCase, String> why, BooleanSupplier change) {
        List<HandoffCase> queued = new ArrayList<>(requeue(agent, keeps, why));
        store.lockAgent(agent);
        if (!change.getAsBoolean()) {
            return false;
        }
        queued.addAll(requeue(agent, keeps, why)); // given to them while the first pass ran
        queued.forEach(cases::offer);
        return true;
    }

    private List<HandoffCase> requeue(AgentId agent, Predicate<HandoffCase> keeps, Function<HandoffCase, String> why) {
        List<HandoffCase> queued = new ArrayList<>();
        for (HandoffCase held : store.heldBy(agent, HELD_READ_MAX)) {
            if (!keeps.test(held)) {
                handoffs.mine(agent, held.id()) // its owner locked, read again under the lock
                        .filter(keeps.negate())
                        .ifPresent(now -> queued.add(cases.requeue(now, why.apply(now))));
            }
        }
        return queued;
    }
}
