package org.socialbank.payouts;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * Records payouts for the worker to send. {@link #submit} joins the caller's transaction, so a
 * payment can debit its ledger account and record its payout all or nothing; the outcome comes
 * later as {@link PayoutSucceeded} or {@link PayoutFailed}.
 */
@Service
public class Payouts {

    private final JdbcPayouts store;
    private final DurableTransactions transactions;
    private final Clock clock;

    Payouts(JdbcPayouts store, DurableTransactions transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records the order as a PENDING payout, in the caller's transaction when there is one.
     * Idempotent by id: the same order again returns the payout as it now is.
     *
     * @throws IllegalArgumentException when the id is taken by a different order
     */
    public Payout submit(PayoutOrder order) {
        Objects.requireNonNull(order, "order");
        return transactions.write(tx -> {
            Optional<JdbcPayouts.Row> existing = store.find(order.id());
            if (existing.isPresent()) {
                if (!existing.get().order().equals(order)) {
                    throw new IllegalArgumentException("payout " + order.id() + " exists with different fields");
                }
                return existing.get().payout();
            }
            store.insert(order, clock.instant());
            return store.find(order.id()).orElseThrow().payout();
        });
    }

    /** The most payouts one listing gives. */
    public static final int LIST_MAX = 500;

    /** Payouts in this state, oldest first, at most {@code limit} (1..{@value #LIST_MAX}). */
    public List<Payout> inState(PayoutStatus status, int limit) {
        Objects.requireNonNull(status, "status");
        return store.inState(status, checkedLimit(limit)).stream()
                .map(JdbcPayouts.Row::payout)
                .toList();
    }

    /**
     * Unfinished payouts marked for review (in doubt longer than {@code review-after}), oldest
     * first, at most {@code limit} (1..{@value #LIST_MAX}).
     */
    public List<Payout> needingReview(int limit) {
        return store.needingReview(checkedLimit(limit)).stream()
                .map(JdbcPayouts.Row::payout)
                .toList();
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > LIST_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIST_MAX);
        }
        return limit;
    }

    public Optional<Payout> payout(PayoutId id) {
        Objects.requireNonNull(id, "id");
        return store.find(id).map(JdbcPayouts.Row::payout);
    }
}
