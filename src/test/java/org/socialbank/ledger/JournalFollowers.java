package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.socialbank.campaigns.CampaignPointsCredited;
import org.socialbank.campaigns.CampaignRewards;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.loyalty.PointsJobs;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
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
@Import({LedgerInvariants.Clocks.class, JournalFollowers.HeldRounds.class})
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

    @Autowired
    MeterRegistry meters;

    @Autowired
    Directory directory;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    HeldRounds held;

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

    @Test
    @DisplayName("review 2026-12-07 alerts follow-up: a row stamped by a node whose clock is hours ahead does not hold"
            + " the followers: it is read as settled, logged and counted; a row ahead within clock-skew-max still"
            + " holds its page")
    void aRowFromANodeWhoseClockIsAheadDoesNotHoldTheJournal() {
        AccountId payer = open();
        AccountId payee = open();
        long start = lastSequence();
        CURSORS.forEach(cursor -> moveCursor(cursor, start));
        double skewedBefore = skewed();
        clock.advance(Duration.ofHours(3)); // a node whose clock is three hours ahead books a transfer
        TransferId ahead = post(payer, payee, 100);
        clock.advance(Duration.ofHours(-3));
        TransferId after = post(payer, payee, 200);
        long last = lastSequence();
        clock.advance(SETTLE.plusSeconds(1));

        assertThat(ledger.postedAfter(start, clock.instant().minus(SETTLE), 10))
                .as("the row three hours ahead does not end the page")
                .extracting(p -> p.transfer().id())
                .containsExactly(ahead, after);
        assertThat(alerts.follow()).as("alerts read both rows").isEqualTo(2);
        assertThat(rewards.follow()).as("campaign rewards read both rows").isEqualTo(2);
        assertThat(points.follow()).as("loyalty read both rows").isEqualTo(2);
        CURSORS.forEach(cursor -> assertThat(cursor(cursor)).as(cursor).isEqualTo(last));
        assertThat(skewed() - skewedBefore)
                .as("each read of the row ahead is counted (the page here, then the three followers)")
                .isEqualTo(4);

        // a row ahead by less than clock-skew-max (1 min) still holds its page until it settles
        clock.advance(Duration.ofSeconds(30));
        TransferId slightlyAhead = post(payer, payee, 300);
        clock.advance(Duration.ofSeconds(-30));
        TransferId behindIt = post(payer, payee, 400);
        clock.advance(SETTLE.plusSeconds(1));
        assertThat(ledger.postedAfter(last, clock.instant().minus(SETTLE), 10)).isEmpty();
        assertThat(alerts.follow()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(ledger.postedAfter(last, clock.instant().minus(SETTLE), 10))
                .extracting(p -> p.transfer().id())
                .containsExactly(slightlyAhead, behindIt);
        assertThat(alerts.follow()).isEqualTo(2);
        assertThat(skewed() - skewedBefore).as("not counted: within the bound").isEqualTo(4);
    }

    @Test
    @DisplayName("review 2026-12-07 campaigns follow-up: a cashback of a reward round that lasts longer than settle"
            + " still reaches the alerts follower")
    void aLongRewardRoundsCashbackIsStillAlerted() throws Exception {
        CustomerId mia = new CustomerId(UUID.randomUUID());
        assertThat(directory.register(
                        new NewCustomer(mia, "Mina Mohammadi", Language.FA, KycLevel.FULL, null, null, List.of())))
                .isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = open();
        assertThat(directory.holdAccount(mia, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        String chat = "web-" + UUID.randomUUID();
        IdentityId identity =
                identities.identify(Network.WEBCHAT, chat, null, null).id();
        Instant now = clock.instant();
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(mia.value(), utc(now.minus(Duration.ofDays(1))), identity.value())
                .update();
        AccountId biller = open();
        post(biller, wallet, 10_000);
        String action = "jf-" + UUID.randomUUID().toString().substring(0, 8);
        String suffix = UUID.randomUUID().toString().substring(24);
        // read in this order (by id): the cashback's campaign, then the points' campaign, whose grant holds the round
        UUID cashback = UUID.fromString("10000000-0000-4000-8000-" + suffix);
        UUID points = UUID.fromString("20000000-0000-4000-8000-" + suffix);
        rewardCampaign(cashback, action, 500, "EUR", chat, mia);
        rewardCampaign(points, action, 250, CurrencyCode.POINTS.code(), chat, mia);
        long start = lastSequence();
        CURSORS.forEach(cursor -> moveCursor(cursor, start));
        assertThat(ledger.transfer(
                        NewTransfer.posted(new TransferId(UUID.randomUUID()), wallet, biller, 1_000, EUR, action)))
                .isInstanceOf(TransferResult.Posted.class);
        clock.advance(SETTLE.plusSeconds(1));

        ExecutorService round = Executors.newSingleThreadExecutor();
        try {
            held.hold();
            Future<Integer> rewarded = round.submit(rewards::follow);
            held.awaitHeld();
            // the round lasts: later postings commit and the alerts follower reads past them
            clock.advance(SETTLE.plusSeconds(1));
            post(open(), open(), 100);
            clock.advance(SETTLE.plusSeconds(1));
            followAlerts();
            held.release();
            assertThat(rewarded.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            held.release();
            round.shutdownNow();
        }
        UUID cashbackId = jdbc.sql("SELECT transfer_id FROM campaign_rewards WHERE campaign_id = ?")
                .param(cashback)
                .query(UUID.class)
                .single();
        assertThat(ledger.account(wallet).orElseThrow().balanceMinor()).isEqualTo(10_000 - 1_000 + 500);
        clock.advance(SETTLE.plusSeconds(1));
        followAlerts();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transaction_alerts WHERE transfer_id = ? AND account_id = ?")
                        .params(cashbackId, wallet.value())
                        .query(Long.class)
                        .single())
                .as("her cashback's alert")
                .isEqualTo(1);
    }

    /** A rewarding campaign whose message reached her chat an hour ago, its window open for 30 days. */
    void rewardCampaign(UUID id, String action, long amountMinor, String currency, String chat, CustomerId customer) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO campaigns (id, name, status, created_by, approved_by, created_at, approved_at, "
                        + "reward_action, reward_amount_minor, reward_currency, reward_days, reward_until) "
                        + "VALUES (?, ?, 'sending', 'ana', 'ben', ?, ?, ?, ?, ?, 30, ?)")
                .params(
                        id,
                        "Rewards " + id,
                        utc(now.minus(Duration.ofDays(1))),
                        utc(now.minus(Duration.ofDays(1))),
                        action,
                        amountMinor,
                        currency,
                        utc(now.plus(Duration.ofDays(30))))
                .update();
        jdbc.sql("INSERT INTO campaign_recipients (campaign_id, channel, external_user_id, status, updated_at, "
                        + "customer_id) VALUES (?, 'webchat', ?, 'sent', ?, ?)")
                .params(id, chat, utc(now.minus(Duration.ofHours(1))), customer.value())
                .update();
    }

    void followAlerts() {
        for (int round = 0; round < 100 && alerts.follow() > 0; round++) {
            // each round takes one page of the journal
        }
    }

    double skewed() {
        return java.util.Optional.ofNullable(
                        meters.find("socialbank.ledger.journal.skewed").counter())
                .map(io.micrometer.core.instrument.Counter::count)
                .orElse(0.0);
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /**
     * Holds a reward round inside its transaction, as a round over many campaigns lasts: at the
     * campaign points it grants (published while the round's transaction is open).
     */
    static class HeldRounds {

        private volatile CountDownLatch held = new CountDownLatch(0);
        private volatile CountDownLatch release = new CountDownLatch(0);

        void hold() {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(30, TimeUnit.SECONDS))
                    .as("the round reached its points")
                    .isTrue();
        }

        void release() {
            release.countDown();
        }

        @EventListener
        void on(CampaignPointsCredited credited) {
            held.countDown();
            await(release);
        }
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
