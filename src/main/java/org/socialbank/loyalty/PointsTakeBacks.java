package org.socialbank.loyalty;

import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.FeedTransaction;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Uuids;
import org.springframework.stereotype.Component;

/**
 * Points a card refund takes back (review 2026-12-07 money #3). Points held for a voucher order or
 * a bill's discount cannot move while held, so a refund takes what is available now and owes the
 * held part on the member's row: if that hold is released the points come back and are taken at
 * once; if it is spent they stay spent, as redeemed points do. What is owed never exceeds what is
 * held, so no negative balance is carried. Every step that may take points runs under the member's
 * lock, in its caller's transaction; a refusal of the ledger is logged and kept with the refund
 * (review 2026-12-07 loyalty follow-up), never thrown (the journal follower must move on).
 */
@Component
class PointsTakeBacks {

    private static final Logger log = LoggerFactory.getLogger(PointsTakeBacks.class);

    private final Ledger ledger;
    private final JdbcPoints store;
    private final LoyaltyProperties properties;
    private final Clock clock;

    PointsTakeBacks(Ledger ledger, JdbcPoints store, LoyaltyProperties properties, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.properties = properties;
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

    /**
     * What the refunds that named a purchase gave back of it so far, and the points they took back
     * (taken, owed, or not there to take).
     */
    record Refunded(long refundedMinor, long points) {}

    /**
     * The points a refund of {@code refundMinor} takes back from a purchase of {@code amountMinor}
     * that earned {@code earned} (review 2 of 2026-12-07, loyalty follow-up): what everything
     * refunded of it so far is worth, {@code earned * refunded / amount} rounded down as earning is,
     * less what earlier refunds took. So a purchase refunded in parts never keeps a point once all of
     * it is back (1 point on 3.00 EUR, refunded as 1.50 + 1.50: 0, then 1), and what is refunded
     * beyond the purchase takes nothing more than it earned.
     */
    static long share(long earned, long amountMinor, Refunded before, long refundMinor) {
        if (earned <= 0 || amountMinor <= 0) {
            return 0;
        }
        long refunded = Math.min(amountMinor, Math.addExact(before.refundedMinor(), refundMinor));
        long total = BigInteger.valueOf(earned)
                .multiply(BigInteger.valueOf(refunded))
                .divide(BigInteger.valueOf(amountMinor))
                .longValueExact();
        return Math.max(0, Math.min(earned, total) - before.points());
    }

    /**
     * The refund {@code refund}'s take-back, once: answers it as booked (by this call, or for a
     * replay as the first call booked it), or empty when the refund takes nothing back. A refund that
     * names its purchase takes back its {@link #share}; one that does not (or names a transfer that
     * is not a card purchase of this account and currency) takes the points a purchase of its amount
     * earns, rounded down, alone (docs/loyalty.md, "A refund that names no purchase"). A refund that
     * can take nothing, now or later (its purchase earned nothing, or its amount earns nothing),
     * takes no lock and writes no row (review 2026-12-07 loyalty follow-up); every other one runs
     * under the member's lock, so refunds of one purchase queue, and its row, keyed by the refund's
     * transfer, is written in this transaction, refused by the ledger or not.
     */
    Optional<JdbcPoints.TakeBack> refund(CustomerId customer, Transfer refund) {
        Optional<Transfer> purchase = purchaseOf(refund);
        long earned = purchase.isPresent()
                ? store.earnedBy(purchase.get().id().value())
                : properties.points(PointsJobs.PURCHASE_CODE, refund.amountMinor(), refund.currency());
        if (earned <= 0) {
            return Optional.empty(); // nothing to take back, now or after any other part: no lock, no write
        }
        Optional<AccountId> account = store.lockMember(customer);
        TransferId id = Points.transferId("take-back", refund.id().value());
        Optional<JdbcPoints.TakeBack> booked = store.takeBack(refund.id().value());
        if (account.isEmpty() || booked.isPresent() || ledger.transfer(id).isPresent()) {
            return booked; // never earned; or booked already (a transfer without a row: before the rows were kept)
        }
        Optional<Account> held = ledger.account(account.get());
        if (held.isEmpty()) {
            return Optional.empty();
        }
        long points = purchase.isPresent()
                ? share(
                        earned,
                        purchase.get().amountMinor(),
                        store.refundedOf(purchase.get().id().value()),
                        refund.amountMinor())
                : earned;
        JdbcPoints.TakeBack takeBack = book(customer, account.get(), id, points, held.get());
        store.insertTakeBack(
                refund.id().value(),
                customer,
                takeBack,
                purchase.map(p -> p.id().value()).orElse(null),
                purchase.isPresent() ? refund.amountMinor() : null,
                Microseconds.now(clock));
        return Optional.of(takeBack);
    }

    /**
     * Takes what is available of {@code points} and owes what is held; a refusal of the ledger (the
     * points account frozen or closed) takes and owes nothing and is answered with its code, so the
     * refund counts no points for its purchase and a later part of it takes them.
     */
    private JdbcPoints.TakeBack book(CustomerId customer, AccountId account, TransferId id, long points, Account now) {
        long owed = store.owed(customer);
        // what this refund may owe: the held points no earlier refund owes already, so that what is
        // owed in all never exceeds what is held
        Split split = Split.refund(points, now.availableMinor(), Math.max(0, now.debitsPending() - owed));
        Optional<RejectionCode> refused =
                split.take() > 0 ? take(customer, account, id, split.take()) : Optional.empty();
        if (refused.isPresent()) {
            return JdbcPoints.TakeBack.refused(refused.get().code(), points);
        }
        if (split.owed() > 0) {
            store.setOwed(customer, Math.addExact(owed, split.owed()));
        }
        return JdbcPoints.TakeBack.booked(split, points);
    }

    /** The card purchase the refund names, when it is one of the refunded account, in the refund's currency. */
    private Optional<Transfer> purchaseOf(Transfer refund) {
        String named =
                refund.metadata() == null ? null : refund.metadata().entries().get(FeedTransaction.PURCHASE_METADATA);
        return Optional.ofNullable(named)
                .flatMap(Uuids::parse)
                .flatMap(purchase -> ledger.transfer(new TransferId(purchase)))
                .filter(p -> PointsJobs.PURCHASE_CODE.equals(p.code().value())
                        && p.currency().equals(refund.currency())
                        && p.debitAccountId().equals(refund.creditAccountId()));
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
                && take(customer, account, Points.transferId("take-back-held", hold.value()), split.take())
                        .isPresent()) {
            return; // the ledger said no: still owed
        }
        store.setOwed(customer, split.owed());
    }

    /** Posts {@code points} back to the bank and consumes the oldest lots; the ledger's code when it refused. */
    private Optional<RejectionCode> take(CustomerId customer, AccountId account, TransferId id, long points) {
        TransferResult result = ledger.transfer(NewTransfer.posted(
                id, account, PointsAccounts.ISSUED, points, CurrencyCode.POINTS, "points-take-back"));
        if (result instanceof TransferResult.Rejected rejected) {
            log.warn(
                    "loyalty: {} points of customer {} could not be taken back: {}",
                    points,
                    customer.value(),
                    rejected.code());
            return Optional.of(rejected.code());
        }
        store.consume(customer, points, Points.LOTS_PER_REDEMPTION_MAX);
        return Optional.empty();
    }
}
