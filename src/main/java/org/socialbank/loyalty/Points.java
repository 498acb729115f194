package org.socialbank.loyalty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardRefusal;
import org.socialbank.cards.Cards;
import org.socialbank.cards.StatementCredits;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Service;

/**
 * A customer's points: what they hold, what expires soon, what moved; and redeeming them for a
 * statement credit on their credit card, idempotent by the client's id, under the customer's
 * member row (so concurrent redemptions queue and never spend a point twice; the ledger's
 * never-below-zero flag on the points account backs it).
 */
@Service
public class Points {

    private static final Logger log = LoggerFactory.getLogger(Points.class);

    /** The most movements a summary shows. */
    public static final int HISTORY_MAX = 20;

    static final int EXPIRING_MAX = 10;
    /** The most lots one redemption consumes (a larger one is refused as not valid). */
    static final int LOTS_PER_REDEMPTION_MAX = 1_000;

    private final Ledger ledger;
    private final JdbcPoints store;
    private final JdbcVouchers vouchers;
    private final PointsAccounts accounts;
    private final Cards cards;
    private final StatementCredits credits;
    private final Directory directory;
    private final DurableTransactions writes;
    private final LoyaltyProperties properties;
    private final Clock clock;

    Points(
            Ledger ledger,
            JdbcPoints store,
            JdbcVouchers vouchers,
            PointsAccounts accounts,
            Cards cards,
            StatementCredits credits,
            Directory directory,
            DurableTransactions writes,
            LoyaltyProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.vouchers = vouchers;
        this.accounts = accounts;
        this.cards = cards;
        this.credits = credits;
        this.directory = directory;
        this.writes = writes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The customer's points; empty when there is no such customer. */
    public Optional<PointsSummary> summary(CustomerId customer, int historyMax) {
        if (directory.customer(customer).isEmpty()) {
            return Optional.empty();
        }
        Optional<AccountId> account = store.member(customer);
        if (account.isEmpty()) {
            return Optional.of(new PointsSummary(0, List.of(), List.of()));
        }
        Optional<Account> book = ledger.account(account.get());
        long balance = book.map(Account::balanceMinor).orElse(0L);
        long held = book.map(a -> a.balanceMinor() - a.availableMinor()).orElse(0L);
        Instant soon = clock.instant().plus(properties.expiringSoon());
        List<PointsSummary.Expiring> expiring = store.expiringBefore(customer, soon, EXPIRING_MAX).stream()
                .map(l -> new PointsSummary.Expiring(l.pointsLeft(), l.expiresAt()))
                .toList();
        return Optional.of(new PointsSummary(
                balance,
                held(customer, held),
                expiring,
                history(account.get(), Math.max(1, Math.min(historyMax, HISTORY_MAX)))));
    }

    /**
     * What holds the {@code held} points: the vouchers still pending hold their price, the rest is
     * the discount on bills and top-ups being paid. Read without the member's lock (a view), so a
     * voucher settled between the two reads is capped by what the account still holds.
     */
    private PointsSummary.Held held(CustomerId customer, long held) {
        if (held <= 0) {
            return PointsSummary.Held.NONE;
        }
        long forVouchers = Math.min(held, vouchers.pendingPoints(customer));
        return new PointsSummary.Held(forVouchers, held - forVouchers);
    }

    /** The points account's statement, newest first: earned in, redeemed and expired out. */
    private List<PointsSummary.Movement> history(AccountId account, int limit) {
        List<PointsSummary.Movement> moves = new ArrayList<>();
        ledger.statement(account, Optional.empty(), limit).ifPresent(page -> {
            for (Transfer t : page.transfers()) {
                if (t.kind() != org.socialbank.ledger.TransferKind.SINGLE_PHASE
                        && t.kind() != org.socialbank.ledger.TransferKind.POST_PENDING) {
                    continue; // points held for a voucher, or released: only what moved is a movement
                }
                boolean in = t.creditAccountId().equals(account);
                String kind = in
                        ? "earned"
                        : t.creditAccountId().equals(PointsAccounts.EXPIRED)
                                ? "expired"
                                : t.creditAccountId().equals(PointsAccounts.ISSUED) ? "taken_back" : "redeemed";
                moves.add(new PointsSummary.Movement(kind, in ? t.amountMinor() : -t.amountMinor(), t.createdAt()));
            }
        });
        return moves;
    }

    /**
     * Credits points the bank grants for something other than a purchase (a campaign's reward, issue
     * 17), once per {@code sourceId}: the lot's UNIQUE source and the transfer's id derived from it
     * make a second call credit nothing. Runs in the caller's transaction, under the member's lock;
     * answers whether it credited them now.
     *
     * @param sourceCode what earned them, kept on the lot (e.g. {@code campaign-reward})
     */
    public boolean grant(CustomerId customer, long points, UUID sourceId, String sourceCode) {
        if (points < 1 || directory.customer(customer).isEmpty()) {
            return false;
        }
        return credit(customer, points, sourceId, sourceCode, clock.instant());
    }

    /**
     * One lot of points from a source (a purchase, a grant), issued to the customer, under her
     * member row (opened on her first points); false when that source earned already, or when the
     * ledger refuses her points account (frozen or closed: those points are never issued).
     */
    boolean credit(CustomerId customer, long points, UUID sourceId, String sourceCode, Instant earnedAt) {
        AccountId account = store.lockMember(customer).orElseGet(() -> {
            AccountId opened = accounts.openCustomer(customer);
            store.insertMember(customer, opened, clock.instant());
            return opened;
        });
        if (store.earnedFrom(sourceId)) {
            return false; // read under the member's lock: a concurrent grant of the same source waited for it
        }
        accounts.openBank();
        UUID lot = UUID.nameUUIDFromBytes(("socialbank-loyalty:lot:" + sourceId).getBytes(StandardCharsets.UTF_8));
        TransferResult result = ledger.transfer(NewTransfer.posted(
                transferId("earn", lot), PointsAccounts.ISSUED, account, points, CurrencyCode.POINTS, "points-earn"));
        if (result instanceof TransferResult.Rejected rejected) {
            // her points account frozen or closed: nothing is issued, and the journal's follower goes
            // on for everyone (a throw here stopped its round, the same purchase failing it again)
            log.warn("loyalty: {} points of source {} not issued: {}", points, sourceId, rejected.code());
            return false;
        }
        store.insertLot(
                new JdbcPoints.Lot(lot, customer, points, points, earnedAt, earnedAt.plus(properties.pointsTtl())),
                sourceId,
                sourceCode);
        return true;
    }

    /** The redemption asked: its id (the idempotency key), whose points, how many, onto which credit card (null: the first). */
    public record RedemptionRequest(UUID id, CustomerId customer, long points, CardId card) {}

    /** A redemption under the client's id; the same id with the same request answers as before. */
    public RedemptionResult redeem(RedemptionRequest r) {
        return writes.write(status -> {
            Optional<AccountId> account = store.lockMember(r.customer()); // one customer's redemptions queue here
            Optional<JdbcPoints.Row> existing = store.redemption(r.id());
            if (existing.isPresent()) {
                return existing.get().sameRequest(r.customer(), r.points(), r.card())
                        ? existing.get().answer()
                        : new RedemptionResult.Refused(PointsRefusal.ID_REUSED);
            }
            if (directory.customer(r.customer()).isEmpty()) {
                return new RedemptionResult.Refused(PointsRefusal.CUSTOMER_NOT_FOUND);
            }
            if (r.points() < properties.redeemPointsMin() || r.points() > 1_000_000_000L) {
                return new RedemptionResult.Refused(PointsRefusal.POINTS_NOT_VALID);
            }
            Optional<Card> card = creditCard(r.customer(), r.card());
            if (card.isEmpty()) {
                return new RedemptionResult.Refused(
                        r.card() == null ? PointsRefusal.NO_CREDIT_CARD : PointsRefusal.CARD_NOT_FOUND);
            }
            return book(r, card.get(), account);
        });
    }

    /** What {@code points} are worth on the card, in its currency; empty when its currency has no value. */
    public Optional<Long> valueMinor(long points, CurrencyCode currency) {
        Long value = properties.pointValueMinor().get(currency.code());
        try {
            return value == null ? Optional.empty() : Optional.of(Math.multiplyExact(points, value));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The customer's credit card: the one named (theirs, credit), else their first. */
    public Optional<Card> creditCard(CustomerId customer, CardId named) {
        List<Card> held = cards.cardsOf(customer).orElse(List.of());
        return held.stream()
                .filter(Card::credit)
                .filter(c -> named == null || c.id().equals(named))
                .findFirst();
    }

    /** The answer a redemption got, when there is one under this id. */
    public Optional<RedemptionResult> redemption(UUID id) {
        return store.redemption(id).map(JdbcPoints.Row::answer);
    }

    public long redeemPointsMin() {
        return properties.redeemPointsMin();
    }

    private RedemptionResult book(RedemptionRequest r, Card card, Optional<AccountId> account) {
        Instant now = Microseconds.now(clock);
        Optional<Long> value = valueMinor(r.points(), card.currency());
        PointsRefusal refusal = value.isEmpty()
                ? PointsRefusal.CURRENCY_NOT_REDEEMABLE
                : pointsRefusal(account, r.points()).orElse(null);
        if (refusal == null) {
            refusal = spend(r, card, account.get(), value.get());
        }
        JdbcPoints.Row row = new JdbcPoints.Row(
                r.id(),
                r.customer(),
                r.points(),
                card.id(),
                card.maskedNumber(),
                value.orElse(0L),
                card.currency(),
                refusal == null ? null : refusal.code(),
                now);
        store.insert(row);
        return refusal == null
                ? new RedemptionResult.Redeemed(
                        new Redemption(
                                r.id(),
                                r.customer(),
                                r.points(),
                                card.id(),
                                card.maskedNumber(),
                                value.get(),
                                card.currency(),
                                now),
                        false)
                : new RedemptionResult.Refused(refusal);
    }

    /**
     * Why the points account cannot give {@code points} now: held points (a voucher order, a bill's
     * discount) are not available (review 2026-12-07 money #3), nor is a frozen or closed account.
     */
    private Optional<PointsRefusal> pointsRefusal(Optional<AccountId> member, long points) {
        Optional<Account> account = member.flatMap(ledger::account);
        if (account.isEmpty() || account.get().availableMinor() < points) {
            return Optional.of(PointsRefusal.INSUFFICIENT_POINTS);
        }
        return account.get().status() == AccountStatus.OPEN
                ? Optional.empty()
                : Optional.of(PointsRefusal.ACCOUNT_UNAVAILABLE);
    }

    /**
     * Credits the card first (its row lock checks what it owes), then posts the points out, which
     * cannot fail: what is available was read under the member's lock, and everything that spends
     * or holds points takes that lock. Null when done, else the card's refusal (nothing moved).
     */
    private PointsRefusal spend(RedemptionRequest r, Card card, AccountId account, long valueMinor) {
        AccountId rewards = accounts.openRewards(card.currency());
        Optional<CardRefusal> credited = credits.credit(r.id(), card.id(), valueMinor, rewards, "points-credit");
        if (credited.isPresent()) {
            return refusal(credited.get());
        }
        TransferResult out = ledger.transfer(NewTransfer.posted(
                transferId("redeem", r.id()),
                account,
                PointsAccounts.REDEEMED,
                r.points(),
                CurrencyCode.POINTS,
                "points-redeem"));
        if (out instanceof TransferResult.Rejected rejected) {
            throw new IllegalStateException("points checked under the member's lock were refused: " + rejected.code());
        }
        store.consume(r.customer(), r.points(), LOTS_PER_REDEMPTION_MAX);
        return null;
    }

    /** The points the customer can spend now: the balance less what is held (a voucher order, a bill's discount). */
    public long available(CustomerId customer) {
        return store.member(customer)
                .flatMap(ledger::account)
                .map(Account::availableMinor)
                .orElse(0L);
    }

    static PointsRefusal refusal(CardRefusal code) {
        return switch (code) {
            case NOTHING_OWED -> PointsRefusal.NOTHING_OWED;
            case EXCEEDS_AMOUNT_OWED -> PointsRefusal.EXCEEDS_AMOUNT_OWED;
            case CARD_NOT_FOUND, CARD_NOT_CREDIT -> PointsRefusal.CARD_NOT_FOUND;
            default -> PointsRefusal.ACCOUNT_UNAVAILABLE;
        };
    }

    static TransferId transferId(String what, UUID id) {
        return new TransferId(
                UUID.nameUUIDFromBytes(("socialbank-loyalty:" + what + ":" + id).getBytes(StandardCharsets.UTF_8)));
    }
}
