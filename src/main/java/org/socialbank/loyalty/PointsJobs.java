package org.socialbank.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.JournalPosting;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Earning and expiry. Earning follows the ledger's journal (as transaction alerts do): each row
 * whose code earns (card purchases, p2p) and whose paying account is a customer's becomes one lot
 * and one accrual transfer, both keyed by the journal row's transfer, so a re-read, a second node or
 * a restart earns nothing twice; the cursor row is locked, so one node reads at a time. Expiry posts
 * what is left of each lot past its date under an id derived from the lot.
 */
@Service
public class PointsJobs {

    private static final Logger log = LoggerFactory.getLogger(PointsJobs.class);
    /** The transfer codes that give a purchase's money back, and the code whose rate says how many points it earned. */
    static final Set<String> REFUND_CODES = Set.of("card-refund");

    static final String PURCHASE_CODE = "card-purchase";

    private final Ledger ledger;
    private final JdbcPoints store;
    private final PointsAccounts accounts;
    private final JdbcVouchers vouchers;
    private final DurableTransactions writes;
    private final LoyaltyProperties properties;
    private final Clock clock;
    private final Points points;

    PointsJobs(
            Ledger ledger,
            JdbcPoints store,
            PointsAccounts accounts,
            JdbcVouchers vouchers,
            DurableTransactions writes,
            LoyaltyProperties properties,
            Clock clock,
            Points points) {
        this.points = points;
        this.vouchers = vouchers;
        this.ledger = ledger;
        this.store = store;
        this.accounts = accounts;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${socialbank.loyalty.follow-interval:5s}",
            initialDelayString = "${socialbank.loyalty.follow-interval:5s}")
    void scheduled() {
        if (!properties.followerEnabled()) {
            return;
        }
        try {
            follow();
            expire();
        } catch (RuntimeException e) {
            log.warn("loyalty: this round failed; the next one takes it again", e);
        }
    }

    /** One round over the journal; answers how many journal rows it passed. */
    public int follow() {
        return writes.write(status -> {
            long cursor = store.lockCursor();
            Instant now = clock.instant();
            List<JournalPosting> batch =
                    ledger.postedAfter(cursor, now.minus(properties.settle()), properties.batchMax());
            for (JournalPosting posted : batch) {
                earn(posted.transfer(), posted.debitAccount());
                takeBack(posted.transfer(), posted.creditAccount());
            }
            if (!batch.isEmpty()) {
                store.moveCursor(batch.get(batch.size() - 1).sequence());
            }
            return batch.size();
        });
    }

    private void earn(Transfer t, Account payer) {
        long points = properties.points(t.code().value(), t.amountMinor(), t.currency());
        Optional<CustomerId> customer = customerOf(payer);
        if (points <= 0 || customer.isEmpty() || store.earnedFrom(t.id().value())) {
            return;
        }
        this.points.credit(customer.get(), points, t.id().value(), t.code().value(), t.createdAt());
    }

    /**
     * A card refund takes back the points a purchase of its amount earns, from the customer it was
     * refunded to, as many as are left (points already redeemed stay redeemed; the balance never goes
     * below zero), the oldest lots first. Once per refund: the transfer's id is derived from it, and
     * its lots are consumed in the same transaction.
     */
    private void takeBack(Transfer t, Account refunded) {
        long points = REFUND_CODES.contains(t.code().value())
                ? properties.points(PURCHASE_CODE, t.amountMinor(), t.currency())
                : 0;
        Optional<CustomerId> customer = customerOf(refunded);
        if (points <= 0 || customer.isEmpty()) {
            return;
        }
        Optional<AccountId> account = store.lockMember(customer.get());
        TransferId id = Points.transferId("take-back", t.id().value());
        if (account.isEmpty() || ledger.transfer(id).isPresent()) {
            return; // never earned anything, or taken back already
        }
        long taken = Math.min(
                points, ledger.account(account.get()).map(Account::balanceMinor).orElse(0L));
        if (taken <= 0) {
            return;
        }
        TransferResult result = ledger.transfer(NewTransfer.posted(
                id, account.get(), PointsAccounts.ISSUED, taken, CurrencyCode.POINTS, "points-take-back"));
        if (result instanceof TransferResult.Rejected rejected) {
            throw new IllegalStateException("points checked under the member's lock were refused: " + rejected.code());
        }
        store.consume(customer.get(), taken, Points.LOTS_PER_REDEMPTION_MAX);
    }

    /** The customer whose account paid: a wallet, a current account or a credit card carries their owner reference. */
    static Optional<CustomerId> customerOf(Account account) {
        boolean theirs = account.kind() == AccountKind.CUSTOMER_WALLET
                || account.kind() == AccountKind.CUSTOMER_CURRENT
                || account.kind() == AccountKind.CREDIT_CARD;
        String owner = account.ownerRef();
        if (!theirs || owner == null || !owner.startsWith("customer:")) {
            return Optional.empty();
        }
        return Uuids.parse(owner.substring("customer:".length())).map(CustomerId::new);
    }

    /** Expires what is left of every lot past its date (a bounded batch); answers how many lots it expired. */
    public int expire() {
        int expired = 0;
        for (JdbcPoints.Lot due : store.due(clock.instant(), properties.batchMax())) {
            expired += writes.write(status -> expireLot(due));
        }
        return expired;
    }

    private int expireLot(JdbcPoints.Lot due) {
        Optional<AccountId> account = store.lockMember(due.customer());
        JdbcPoints.Lot lot = store.lot(due.id()).orElseThrow();
        if (account.isEmpty() || lot.pointsLeft() == 0) {
            return 0; // redeemed or expired meanwhile
        }
        if (vouchers.holds(due.customer())) {
            return 0; // points held for a voucher: the next round, once the partner answered
        }
        TransferResult result = ledger.transfer(NewTransfer.posted(
                Points.transferId("expire", lot.id()),
                account.get(),
                PointsAccounts.EXPIRED,
                lot.pointsLeft(),
                CurrencyCode.POINTS,
                "points-expire"));
        if (result instanceof TransferResult.Rejected rejected) {
            throw new IllegalStateException("points left in a lot could not expire: " + rejected.code());
        }
        store.setLeft(lot.id(), 0);
        return 1;
    }
}
