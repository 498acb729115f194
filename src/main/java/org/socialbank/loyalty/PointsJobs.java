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
 * whose code earns ({@code earn-codes}: card purchases by default) and whose paying account is a customer's becomes one lot
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

    /** The most pages of due lots one expiry round reads. */
    static final int EXPIRY_PAGES_MAX = 10;

    private final Ledger ledger;
    private final JdbcPoints store;
    private final PointsAccounts accounts;
    private final PointsTakeBacks takeBacks;
    private final DurableTransactions writes;
    private final LoyaltyProperties properties;
    private final Clock clock;
    private final Points points;

    PointsJobs(
            Ledger ledger,
            JdbcPoints store,
            PointsAccounts accounts,
            PointsTakeBacks takeBacks,
            DurableTransactions writes,
            LoyaltyProperties properties,
            Clock clock,
            Points points) {
        this.points = points;
        this.takeBacks = takeBacks;
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
     * A card refund takes back the points of the purchase it names by the share refunded (else the
     * points a purchase of its amount earns, {@link PointsTakeBacks#refund}), from the customer it was
     * refunded to, as many as are available (points already redeemed stay redeemed; the balance
     * never goes below zero; points on hold are owed until the hold ends, {@link PointsTakeBacks}),
     * the oldest lots first. Once per refund. A refusal is logged and kept with the refund, never
     * thrown: the follower moves on.
     */
    private void takeBack(Transfer t, Account refunded) {
        Optional<CustomerId> customer = customerOf(refunded);
        if (!REFUND_CODES.contains(t.code().value()) || customer.isEmpty()) {
            return;
        }
        takeBacks.refund(customer.get(), t); // under the member's lock, unless it takes nothing
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

    /**
     * Expires what is left of every lot past its date, a page of {@code batch-max} lots at a time and
     * at most {@link #EXPIRY_PAGES_MAX} pages a round, so lots that cannot expire yet (their points
     * held) never keep the others waiting; answers how many lots it expired in full.
     */
    public int expire() {
        Instant now = clock.instant();
        int expired = 0;
        List<JdbcPoints.Lot> page = store.due(now, properties.batchMax());
        for (int pages = 1; !page.isEmpty(); pages++) {
            for (JdbcPoints.Lot due : page) {
                expired += writes.write(status -> expireLot(due));
            }
            if (page.size() < properties.batchMax() || pages >= EXPIRY_PAGES_MAX) {
                break;
            }
            page = store.dueAfter(now, page.get(page.size() - 1), properties.batchMax());
        }
        return expired;
    }

    /**
     * Expires what is left of the lot but its held part: points held for a voucher or a bill's
     * discount are the oldest lots' (a spent hold consumes the oldest first), so they stay in the lot
     * until the hold ends (spent, they consume it; released, a later round expires them). A refusal
     * of the ledger is logged and the lot left for a later round.
     */
    private int expireLot(JdbcPoints.Lot due) {
        Optional<AccountId> account = store.lockMember(due.customer());
        JdbcPoints.Lot lot = store.lot(due.id()).orElseThrow();
        Optional<Account> points = account.flatMap(ledger::account);
        long held = points.map(Account::debitsPending).orElse(0L);
        long available = points.map(Account::availableMinor).orElse(0L);
        long expiring = Math.min(lot.pointsLeft() - heldIn(lot, held), available);
        if (account.isEmpty() || expiring <= 0) {
            return 0; // redeemed or expired meanwhile, or all of it held
        }
        // the lot's last expiry keeps the id it always had; a part (the rest held) is named by what was left
        TransferId id =
                Points.transferId(expiring == lot.pointsLeft() ? "expire" : "expire:" + lot.pointsLeft(), lot.id());
        TransferResult result = ledger.transfer(NewTransfer.posted(
                id, account.get(), PointsAccounts.EXPIRED, expiring, CurrencyCode.POINTS, "points-expire"));
        if (result instanceof TransferResult.Rejected rejected) {
            log.warn("loyalty: lot {} could not expire: {}", lot.id(), rejected.code());
            return 0;
        }
        store.setLeft(lot.id(), lot.pointsLeft() - expiring);
        return expiring == lot.pointsLeft() ? 1 : 0;
    }

    /** How much of the lot {@code held} points cover, the customer's oldest lots first. */
    private long heldIn(JdbcPoints.Lot lot, long held) {
        long before = 0;
        for (JdbcPoints.Lot open : store.openLots(lot.customer(), Points.LOTS_PER_REDEMPTION_MAX)) {
            if (open.id().equals(lot.id()) || before >= held) {
                break;
            }
            before += open.pointsLeft();
        }
        return Math.max(0, Math.min(lot.pointsLeft(), held - before));
    }
}
