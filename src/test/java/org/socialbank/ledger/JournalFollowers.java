package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.alerts.TransactionAlerts;
import org.socialbank.campaigns.CampaignRewards;
import org.socialbank.loyalty.PointsJobs;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the journal's followers (transaction alerts, campaign rewards, loyalty points) may rely on
 * (docs/ledger.md, "The journal's followers"): a page of {@code Ledger.postedAfter} ends at the
 * first row written after its cutoff, so a cursor never passes a row written later than one it
 * read; a posting's time is taken after its account locks; and the followers' page size is their
 * own, whatever the API's statement page. The clock is moved by hand and the followers' rounds are
 * run by the test; the same tests on H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(LedgerInvariants.Clocks.class)
abstract class JournalFollowers {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final List<String> CURSORS = List.of("transaction_alert_cursor", "campaign_reward_cursor", "loyalty_cursor");

    @Autowired
    Ledger ledger;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TransactionAlerts alerts;

    @Autowired
    CampaignRewards rewards;

    @Autowired
    PointsJobs points;

    @DynamicPropertySource
    static void followers(DynamicPropertyRegistry registry) {
        // the test runs every round itself, on the same settle for all three followers
        registry.add("socialbank.alerts.follower-enabled", () -> "false");
        registry.add("socialbank.loyalty.follower-enabled", () -> "false");
        registry.add("socialbank.campaigns.send-interval", () -> "1h");
        registry.add("socialbank.alerts.settle", SETTLE::toString);
        registry.add("socialbank.loyalty.settle", SETTLE::toString);
        registry.add("socialbank.campaigns.reward-settle", SETTLE::toString);
        registry.add("socialbank.ledger.expiry-interval", () -> "1h");
        // the API's statement page, as small as it may be set: the followers' pages do not depend on it
        registry.add("socialbank.ledger.statement-page-max", () -> "1");
    }

    /** How many sessions of this store wait for a row lock now. */
    abstract long lockWaiters();

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a row written later than a row after it in the journal is not"
            + " passed by the followers' cursors")
    void aRowWrittenLaterThanTheRowAfterItIsNotPassed() {
        AccountId payer = open();
        AccountId payee = open();
        long start = lastSequence();
        CURSORS.forEach(cursor -> moveCursor(cursor, start));
        Instant t0 = clock.instant();
        // what a lock wait did before the fix: the later-written row takes the smaller sequence
        clock.advance(Duration.ofSeconds(10));
        TransferId writtenLater = post(payer, payee, 100);
        clock.advance(Duration.ofSeconds(-10));
        TransferId writtenEarlier = post(payer, payee, 200);
        long last = lastSequence();

        clock.advance(Duration.ofSeconds(10)); // the followers' cutoff is t0 + 5 s: between the two rows
        assertThat(ledger.postedAfter(start, t0.plusSeconds(5), 10))
                .as("the page ends at the first row written after its cutoff")
                .isEmpty();
        assertThat(alerts.follow()).isZero();
        assertThat(rewards.follow()).isZero();
        assertThat(points.follow()).isZero();
        CURSORS.forEach(cursor -> assertThat(cursor(cursor)).as(cursor).isEqualTo(start));

        clock.advance(Duration.ofSeconds(10)); // both rows are older than the cutoff now
        assertThat(ledger.postedAfter(start, clock.instant().minus(SETTLE), 10))
                .extracting(p -> p.transfer().id())
                .containsExactly(writtenLater, writtenEarlier);
        assertThat(alerts.follow()).as("alerts read both rows").isEqualTo(2);
        assertThat(rewards.follow()).as("campaign rewards read both rows").isEqualTo(2);
        assertThat(points.follow()).as("loyalty read both rows").isEqualTo(2);
        CURSORS.forEach(cursor -> assertThat(cursor(cursor)).as(cursor).isEqualTo(last));
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a posting takes its time after waiting for its accounts' locks")
    void aPostingTakesItsTimeAfterItsLockWait() throws Exception {
        AccountId payer = open();
        AccountId payee = open();
        Instant t0 = clock.instant();
        TransferId id = new TransferId(UUID.randomUUID());
        NewTransfer pending =
                new NewTransfer(id, payer, payee, 300, EUR, new TransferCode("claim"), true, 60, Metadata.EMPTY);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder =
                    threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                        jdbc.sql("SELECT id FROM accounts WHERE id = ? FOR UPDATE")
                                .param(payer.value())
                                .query(UUID.class)
                                .single();
                        locked.countDown();
                        await(release);
                    }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<TransferResult> booking = threads.submit(() -> ledger.transfer(pending));
            awaitALockWaiter();
            clock.advance(Duration.ofHours(1)); // the time the booking spends waiting for the lock
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            assertThat(booking.get(30, TimeUnit.SECONDS)).isInstanceOf(TransferResult.Posted.class);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        Transfer stored = ledger.transfer(id).orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(stored.expiresAt())
                .as("the timeout counts from the same time")
                .isEqualTo(t0.plus(Duration.ofHours(1)).plusSeconds(60));
    }

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: the followers read their pages whatever the statement page"
            + " maximum is")
    void theFollowersPagesDoNotDependOnTheStatementPage() {
        AccountId payer = open();
        AccountId payee = open();
        long start = lastSequence();
        post(payer, payee, 100);
        post(payer, payee, 200);
        assertThatThrownBy(() -> ledger.statement(payer, Optional.empty(), 2))
                .as("the API's statement page is 1 here")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.postedAfter(start, clock.instant(), Ledger.JOURNAL_PAGE_MAX))
                .hasSize(2);
        assertThatThrownBy(() -> ledger.postedAfter(start, clock.instant(), Ledger.JOURNAL_PAGE_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        clock.advance(SETTLE.plusSeconds(1));
        // batch-max 200 (alerts, loyalty) and 100 (campaign rewards) against a statement page of 1
        assertThat(alerts.follow()).isPositive();
        assertThat(rewards.follow()).isPositive();
        assertThat(points.follow()).isPositive();
    }

    AccountId open() {
        AccountId id = new AccountId(UUID.randomUUID());
        assertThat(ledger.open(new NewAccount(id, EUR, null, AccountKind.CUSTOMER_WALLET, Set.of())))
                .isInstanceOf(OpenResult.Opened.class);
        return id;
    }

    TransferId post(AccountId debit, AccountId credit, long amountMinor) {
        TransferId id = new TransferId(UUID.randomUUID());
        assertThat(ledger.transfer(NewTransfer.posted(id, debit, credit, amountMinor, EUR, "p2p")))
                .isInstanceOf(TransferResult.Posted.class);
        return id;
    }

    long lastSequence() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM transfers")
                .query(Long.class)
                .single();
    }

    long cursor(String table) {
        return jdbc.sql("SELECT last_sequence FROM " + table + " WHERE id = 1")
                .query(Long.class)
                .single();
    }

    void moveCursor(String table, long sequence) {
        jdbc.sql("UPDATE " + table + " SET last_sequence = ? WHERE id = 1")
                .param(sequence)
                .update();
    }

    /** Waits (not for a time: for the state) until a session waits for a row lock; fails after 30 s. */
    void awaitALockWaiter() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lockWaiters() == 0) {
            assertThat(System.nanoTime()).as("a session waits for the lock").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
