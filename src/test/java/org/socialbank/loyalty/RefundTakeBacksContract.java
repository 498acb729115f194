package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardFeed;
import org.socialbank.cards.CardRefusal;
import org.socialbank.cards.Cards;
import org.socialbank.cards.FeedKind;
import org.socialbank.cards.FeedResult;
import org.socialbank.cards.FeedTransaction;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.StatusResult;
import org.socialbank.loyalty.LoyaltyFixtures.Member;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a card refund does to points, on each store (review 2026-12-07 loyalty follow-up): a
 * take-back the ledger refused is kept, so the next part of the purchase takes its share and a
 * replay answers the same; the card feed's replay check compares the purchase a refund names; a
 * refund that can take nothing takes no lock and writes nothing; a refund that names no purchase
 * takes the points of its own amount, rounded down, alone.
 */
@SpringBootTest(properties = "socialbank.loyalty.follower-enabled=false")
@Import(LoyaltyTestClock.class)
abstract class RefundTakeBacksContract {

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Cards cards;

    @Autowired
    CardFeed feed;

    @Autowired
    PointsJobs jobs;

    @Autowired
    Points points;

    @Autowired
    DurableTransactions writes;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    LoyaltyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LoyaltyFixtures(directory, ledger, cards, feed, clock);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }

    @Test
    @DisplayName("a refund whose take-back the ledger refused is kept with its code, a replay answers the same, and"
            + " the next part of the purchase takes its share (review 2026-12-07 loyalty follow-up)")
    void aRefusedTakeBackIsKeptAndTheNextPartTakesItsShare() {
        Member member = fixtures.member(Language.EN, true);
        UUID purchase = fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        assertThat(balance(member.id())).isEqualTo(1_000);
        changeStatus(member.id(), AccountStatus.FROZEN);
        UUID first = fixtures.refund(member.credit(), 100_000, purchase); // half: 500 points, refused
        follow();
        assertThat(takeBack(first)).isEqualTo(Map.of("points", 0L, "taken", 0L, "refused", 500L));
        assertThat(refusedCode(first)).isEqualTo("account_frozen");
        assertThat(balance(member.id())).isEqualTo(1_000);

        rereadTheJournal(); // a replay answers as the first reading did, frozen or not
        changeStatus(member.id(), AccountStatus.OPEN);
        rereadTheJournal();
        assertThat(takeBack(first)).isEqualTo(Map.of("points", 0L, "taken", 0L, "refused", 500L));
        assertThat(balance(member.id())).isEqualTo(1_000);

        UUID second = fixtures.refund(member.credit(), 100_000, purchase); // the rest: all 1,000 points are due
        follow();
        assertThat(takeBack(second)).isEqualTo(Map.of("points", 1_000L, "taken", 1_000L, "refused", 0L));
        assertThat(balance(member.id())).isZero();
        rereadTheJournal();
        assertThat(balance(member.id())).isZero();
        assertThat(takeBackTransfers(member.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("a refund replayed with another purchase, or none where it named one, is id_reused; the same one"
            + " is a replay (review 2026-12-07 loyalty follow-up)")
    void aRefundReplayedWithAnotherPurchaseIsIdReused() {
        Member member = fixtures.member(Language.EN, true);
        UUID purchase = fixtures.buy(member.credit(), 20_000);
        UUID other = fixtures.buy(member.credit(), 20_000);
        UUID refund = UUID.randomUUID();
        assertThat(feed.book(refund(member.credit(), refund, purchase))).isEqualTo(new FeedResult.Booked(false));
        assertThat(feed.book(refund(member.credit(), refund, purchase))).isEqualTo(new FeedResult.Booked(true));
        assertThat(feed.book(refund(member.credit(), refund, other)))
                .isEqualTo(new FeedResult.Declined(CardRefusal.ID_REUSED));
        assertThat(feed.book(refund(member.credit(), refund, null)))
                .isEqualTo(new FeedResult.Declined(CardRefusal.ID_REUSED));

        UUID unnamed = UUID.randomUUID();
        assertThat(feed.book(refund(member.credit(), unnamed, null))).isEqualTo(new FeedResult.Booked(false));
        assertThat(feed.book(refund(member.credit(), unnamed, purchase)))
                .isEqualTo(new FeedResult.Declined(CardRefusal.ID_REUSED));
        assertThat(feed.book(refund(member.credit(), unnamed, null))).isEqualTo(new FeedResult.Booked(true));

        // a row booked before the purchase was kept on it: its transfer's metadata names the purchase
        jdbc.sql("UPDATE card_transactions SET purchase_transfer_id = NULL WHERE id = ?")
                .param(refund)
                .update();
        assertThat(feed.book(refund(member.credit(), refund, purchase))).isEqualTo(new FeedResult.Booked(true));
        assertThat(feed.book(refund(member.credit(), refund, other)))
                .isEqualTo(new FeedResult.Declined(CardRefusal.ID_REUSED));

        UUID declined = UUID.randomUUID(); // another currency: declined for good, kept with its purchase
        FeedTransaction inUsd = refund(member.credit(), declined, CurrencyCode.of("USD"), purchase);
        assertThat(feed.book(inUsd)).isEqualTo(new FeedResult.Declined(CardRefusal.CURRENCY_MISMATCH));
        assertThat(feed.book(inUsd)).isEqualTo(new FeedResult.Declined(CardRefusal.CURRENCY_MISMATCH));
        assertThat(feed.book(refund(member.credit(), declined, CurrencyCode.of("USD"), other)))
                .isEqualTo(new FeedResult.Declined(CardRefusal.ID_REUSED));
    }

    @Test
    @DisplayName("a refund declined before V123 kept no purchase: its replay naming one answers its first code, not"
            + " id_reused (reread 2026-12-08 loyalty)")
    void aRefundDeclinedBeforeItsPurchaseWasKeptIsReplayedWithItsCode() {
        Member member = fixtures.member(Language.EN, true);
        UUID purchase = fixtures.buy(member.credit(), 20_000);
        UUID declined = UUID.randomUUID();
        FeedTransaction inUsd = refund(member.credit(), declined, CurrencyCode.of("USD"), purchase);
        assertThat(feed.book(inUsd)).isEqualTo(new FeedResult.Declined(CardRefusal.CURRENCY_MISMATCH));
        assertThat(jdbc.sql("UPDATE card_transactions SET purchase_transfer_id = NULL WHERE id = ?")
                        .param(declined)
                        .update())
                .as("the row as V123 found it")
                .isOne();

        assertThat(feed.book(inUsd)).isEqualTo(new FeedResult.Declined(CardRefusal.CURRENCY_MISMATCH));
        assertThat(feed.book(refund(member.credit(), declined, member.credit().currency(), purchase)))
                .as("the rest of the row is still compared")
                .isEqualTo(new FeedResult.Declined(CardRefusal.ID_REUSED));
    }

    @Test
    @DisplayName("a refund that can take no points takes no lock on the member and writes nothing, however often"
            + " the journal is read (review 2026-12-07 loyalty follow-up)")
    void aRefundThatTakesNothingTakesNoLockAndWritesNothing() throws Exception {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points: a member
        UUID small = fixtures.buy(member.credit(), 150); // 1.50 EUR earns nothing
        follow();
        UUID named = fixtures.refund(member.credit(), 150, small);
        fixtures.refund(member.credit(), 199); // names none; 1.99 EUR earns nothing
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = threads.submit(() -> writes.write(status -> {
                jdbc.sql("SELECT account_id FROM loyalty_members WHERE customer_id = ? FOR UPDATE")
                        .param(member.id().value())
                        .query(UUID.class)
                        .single();
                locked.countDown();
                await(release);
                return null;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofSeconds(3));
            Future<Integer> followed = threads.submit(this::followAll);
            assertThat(followed.get(5, TimeUnit.SECONDS))
                    .as("the follower passed both refunds while the member's row was locked")
                    .isPositive();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        rereadTheJournal();
        assertThat(balance(member.id())).isEqualTo(1_000);
        assertThat(takeBackRows(member.id())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_take_backs WHERE refund_transfer_id = ?")
                        .param(refundTransfer(named))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("a refund that names no purchase takes the points of its own amount, rounded down, alone: two"
            + " halves of a one-point purchase keep it (review 2026-12-07 loyalty follow-up)")
    void aRefundThatNamesNoPurchaseTakesThePointsOfItsOwnAmountRoundedDown() {
        Member member = fixtures.member(Language.EN, true);
        UUID onePoint = fixtures.buy(member.credit(), 300); // 1 point
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        assertThat(balance(member.id())).isEqualTo(1_001);
        fixtures.refund(member.credit(), 150); // 1.50 EUR alone earns nothing: nothing taken
        fixtures.refund(member.credit(), 150);
        follow();
        assertThat(balance(member.id())).isEqualTo(1_001);
        fixtures.refund(member.credit(), 401); // 4.01 EUR: 2 points, whichever purchase it gives back
        follow();
        assertThat(balance(member.id())).isEqualTo(999);
        fixtures.refund(member.credit(), 300, onePoint); // named: the purchase's own share
        follow();
        assertThat(balance(member.id())).isEqualTo(998);
        assertThat(takeBackRows(member.id())).isEqualTo(2);
    }

    private FeedTransaction refund(Card card, UUID id, UUID purchase) {
        return refund(card, id, card.currency(), purchase);
    }

    /** A refund of 50.00 to the card under the processor's id {@code id}, naming {@code purchase} (or none). */
    private FeedTransaction refund(Card card, UUID id, CurrencyCode currency, UUID purchase) {
        return new FeedTransaction(
                id, card.id(), FeedKind.REFUND, 5_000, currency, LocalDate.now(clock), "Points Shop", purchase);
    }

    private void changeStatus(CustomerId customer, AccountStatus status) {
        assertThat(ledger.changeStatus(PointsAccounts.customer(customer), status))
                .isInstanceOf(StatusResult.Changed.class);
    }

    private Map<String, Long> takeBack(UUID refund) {
        return jdbc.sql("SELECT points, taken, points_refused FROM loyalty_take_backs WHERE refund_transfer_id = ?")
                .param(refundTransfer(refund))
                .query((rs, n) -> Map.of("points", rs.getLong(1), "taken", rs.getLong(2), "refused", rs.getLong(3)))
                .single();
    }

    private String refusedCode(UUID refund) {
        return jdbc.sql("SELECT refused_code FROM loyalty_take_backs WHERE refund_transfer_id = ?")
                .param(refundTransfer(refund))
                .query(String.class)
                .single();
    }

    /** The ledger transfer the card feed booked for the processor's refund {@code refund}. */
    private UUID refundTransfer(UUID refund) {
        return Optional.ofNullable(jdbc.sql("SELECT transfer_id FROM card_transactions WHERE id = ?")
                        .param(refund)
                        .query(UUID.class)
                        .single())
                .orElseThrow();
    }

    private long takeBackRows(CustomerId customer) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_take_backs WHERE customer_id = ?")
                .param(customer.value())
                .query(Long.class)
                .single();
    }

    private long takeBackTransfers(CustomerId customer) {
        return jdbc.sql("SELECT COUNT(*) FROM transfers WHERE code = 'points-take-back' AND debit_account_id = ?")
                .param(PointsAccounts.customer(customer).value())
                .query(Long.class)
                .single();
    }

    private long balance(CustomerId customer) {
        return points.summary(customer, 1).orElseThrow().balance();
    }

    private void rereadTheJournal() {
        jdbc.sql("UPDATE loyalty_cursor SET last_sequence = 0").update();
        follow();
    }

    private void follow() {
        clock.advance(Duration.ofSeconds(3)); // past the journal's settling time
        followAll();
    }

    private int followAll() {
        int passed = 0;
        for (int n = jobs.follow(); n > 0; n = jobs.follow()) {
            passed += n;
        }
        return passed;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
