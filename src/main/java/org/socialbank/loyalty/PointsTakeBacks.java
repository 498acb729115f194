package org.socialbank.loyalty;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.springframework.stereotype.Component;

/**
 * Points a card refund takes back (review 2026-12-07 money #3). Points held for a voucher order or
 * a bill's discount cannot move while held, so a refund takes what is available now and owes the
 * held part on the member's row: if that hold is released the points come back and are taken at
 * once; if it is spent they stay spent, as redeemed points do. What is owed never exceeds what is
 * held, so no negative balance is carried. Every step runs under the member's lock, in its caller's
 * transaction; a refusal of the ledger is logged and skipped, never thrown (the journal follower
 * must move on).
 */
@Component
class PointsTakeBacks {

    private static final Logger log = LoggerFactory.getLogger(PointsTakeBacks.class);

    private final Ledger ledger;
    private final JdbcPoints store;
    private final Clock clock;

    PointsTakeBacks(Ledger ledger, JdbcPoints store, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    /** What a step does: {@code take} points now, and leave {@code owed} owed. */
    record Split(long take, long owed) {

        /** A refund wants {@code points}: what is available goes now, the rest is owed as far as it is held. */
        static Split refund(long points, long available, long held) {
            long take = Math.max(0, Math.min(points, available));
            return new Split(take, Math.max(0, Math.min(points - take, held)));
        }

        /**
         * A hold ended: released ({@code released} points came back, taken as far as owed) or spent
         * ({@code released} 0: nothing comes back); what stays owed is capped by what is still held.
         */
        static Split holdEnded(long owed, long released, long available, long held) {
            long take = Math.max(0, Math.min(owed, Math.min(released, available)));
            return new Split(take, Math.max(0, Math.min(owed - take, held)));
        }
    }

    /** The refund {@code refund}'s take-back of {@code points}, once (the member's lock is held). */
    void refund(CustomerId customer, AccountId account, Transfer refund, long points) {
        TransferId id = Points.transferId("take-back", refund.id().value());
        if (store.tookBack(refund.id().value()) || ledger.transfer(id).isPresent()) {
            return; // taken back already (a transfer without a row: booked before the rows were kept)
        }
        Optional<Account> held = ledger.account(account);
        if (held.isEmpty()) {
            return;
        }
        long owed = store.owed(customer);
        // what this refund may owe: the held points no earlier refund owes already, so that what is
        // owed in all never exceeds what is held
        Split split = Split.refund(
                points, held.get().availableMinor(), Math.max(0, held.get().debitsPending() - owed));
        if (split.take() > 0 && !take(customer, account, id, split.take())) {
            return; // the ledger said no (an account frozen): logged, nothing recorded; only a re-reading of the
            // journal tries again
        }
        store.setOwed(customer, Math.addExact(owed, split.owed()));
        store.insertTakeBack(
                refund.id().value(), customer, points, split.take(), split.owed(), Microseconds.now(clock));
    }

    /**
     * A hold of the member ended, its transfer {@code hold} posted ({@code released} false) or voided
     * (the member's lock is held): what a refund owes is taken from the points that came back.
     */
    void holdEnded(CustomerId customer, TransferId hold, boolean released) {
        long owed = store.owed(customer);
        AccountId account = PointsAccounts.customer(customer);
        Optional<Account> now = ledger.account(account);
        if (owed == 0 || now.isEmpty()) {
            return;
        }
        long back = released ? ledger.transfer(hold).map(Transfer::amountMinor).orElse(0L) : 0;
        Split split = Split.holdEnded(
                owed, back, now.get().availableMinor(), now.get().debitsPending());
        if (split.take() > 0
                && !take(customer, account, Points.transferId("take-back-held", hold.value()), split.take())) {
            return; // the ledger said no: still owed
        }
        store.setOwed(customer, split.owed());
    }

    /** Posts {@code points} back to the bank and consumes the oldest lots; false when the ledger refused. */
    private boolean take(CustomerId customer, AccountId account, TransferId id, long points) {
        TransferResult result = ledger.transfer(NewTransfer.posted(
                id, account, PointsAccounts.ISSUED, points, CurrencyCode.POINTS, "points-take-back"));
        if (result instanceof TransferResult.Rejected rejected) {
            log.warn(
                    "loyalty: {} points of customer {} could not be taken back: {}",
                    points,
                    customer.value(),
                    rejected.code());
            return false;
        }
        store.consume(customer, points, Points.LOTS_PER_REDEMPTION_MAX);
        return true;
    }
}
