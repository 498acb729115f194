package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.support.Races.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.CardFeed;
import org.socialbank.cards.Cards;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.loyalty.LoyaltyFixtures.Member;
import org.socialbank.shared.Language;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.Seeds;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Points racing on PostgreSQL: redemptions at once never spend a point twice (exactly as many as
 * the balance allows succeed), one id sent many times redeems once, and the journal followed by
 * four nodes at once earns each purchase once; expiry on four nodes expires a lot once.
 */
@SpringBootTest(properties = "socialbank.loyalty.follower-enabled=false")
@Import(LoyaltyTestClock.class)
class PostgresLoyaltyIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.postgres(registry);
    }

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
    Vouchers vouchers;

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
    void concurrentRedemptionsNeverSpendAPointTwice() throws Exception {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        followOnFourNodes();
        assertThat(points.summary(member.id(), 1).orElseThrow().balance()).isEqualTo(1_000);

        UUID repeated = UUID.randomUUID();
        List<Callable<RedemptionResult>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> points.redeem(new Points.RedemptionRequest(repeated, member.id(), 200, null)));
        }
        for (int i = 0; i < 8; i++) {
            UUID id = UUID.randomUUID();
            calls.add(() -> points.redeem(new Points.RedemptionRequest(id, member.id(), 200, null)));
        }
        List<RedemptionResult> results = race(calls);
        assertThat(results.subList(0, 4)).allMatch(RedemptionResult.Redeemed.class::isInstance);
        assertThat(results.subList(0, 4).stream().filter(r -> !((RedemptionResult.Redeemed) r).replayed()))
                .hasSize(1);
        assertThat(results.subList(4, 12).stream().filter(RedemptionResult.Redeemed.class::isInstance))
                .hasSize(4);
        assertThat(results.subList(4, 12).stream().filter(RedemptionResult.Refused.class::isInstance))
                .allMatch(r -> ((RedemptionResult.Refused) r).code() == PointsRefusal.INSUFFICIENT_POINTS);
        assertThat(points.summary(member.id(), 1).orElseThrow().balance()).isZero();
        assertThat(cards.owedMinor(member.credit())).isEqualTo(200_000 - 1_000);
    }

    @Test
    void vouchersOrderedAtOnceNeverSpendAPointTwice() throws Exception { // issue 16 s3
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        followOnFourNodes();
        UUID repeated = UUID.randomUUID();
        List<Callable<Vouchers.VoucherResult>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(() -> vouchers.order(repeated, member.id(), "coffee"));
        }
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            calls.add(() -> vouchers.order(id, member.id(), "coffee"));
        }
        List<Vouchers.VoucherResult> results = race(calls);
        assertThat(results.subList(0, 3)).allMatch(Vouchers.VoucherResult.Ordered.class::isInstance);
        assertThat(results.stream().filter(r -> r instanceof Vouchers.VoucherResult.Ordered o && !o.replayed()))
                .hasSize(3); // the repeated id once, and two of the four others: 3 × 300 of 1,000 points
        assertThat(results.subList(3, 7).stream().filter(Vouchers.VoucherResult.Refused.class::isInstance))
                .allMatch(r -> ((Vouchers.VoucherResult.Refused) r).code() == PointsRefusal.INSUFFICIENT_POINTS)
                .hasSize(2);
        assertThat(points.summary(member.id(), 1).orElseThrow().balance()).isEqualTo(100);
    }

    @Test
    void theJournalFollowedAndThePointsExpiredOnFourNodesAtOnceCountEachOnce() throws Exception {
        Member member = fixtures.member(Language.EN, true);
        for (int i = 0; i < 5; i++) {
            fixtures.buy(member.debit(), 2_000); // 10 points each
        }
        followOnFourNodes();
        assertThat(points.summary(member.id(), 1).orElseThrow().balance()).isEqualTo(50);
        clock.advance(Duration.ofDays(731));
        List<Callable<Integer>> expiries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            expiries.add(jobs::expire);
        }
        race(expiries);
        assertThat(points.summary(member.id(), 1).orElseThrow().balance()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE code = 'points-expire' AND debit_account_id = ?")
                        .param(PointsAccounts.customer(member.id()).value())
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    @DisplayName("a purchase refunded in random parts at once, followed on four nodes, gives back exactly its points"
            + " (review 2026-12-07 loyalty follow-up)")
    void aPurchaseRefundedInPartsAtOnceGivesBackExactlyItsPoints() throws Exception {
        long seed = Seeds.seed("PostgresLoyaltyIntegrationTests.refunds");
        RandomGenerator random = Seeds.random(seed);
        Member member = fixtures.member(Language.EN, true);
        long amount = random.nextLong(1_000, 200_000);
        UUID purchase = fixtures.buy(member.credit(), amount);
        followOnFourNodes();
        assertThat(points.summary(member.id(), 1).orElseThrow().balance()).isEqualTo(amount / 200);
        List<Callable<UUID>> refunds = new ArrayList<>();
        for (long part : LoyaltyFixtures.parts(random, amount, (int) random.nextLong(2, 9))) {
            refunds.add(() -> fixtures.refund(member.credit(), part, purchase));
        }
        race(refunds);
        followOnFourNodes();
        assertThat(points.summary(member.id(), 1).orElseThrow().balance())
                .as(Seeds.replay(seed))
                .isZero();
        assertThat(jdbc.sql("SELECT SUM(points) FROM loyalty_take_backs WHERE purchase_transfer_id IS NOT NULL "
                                + "AND customer_id = ?")
                        .param(member.id().value())
                        .query(Long.class)
                        .single())
                .as(Seeds.replay(seed))
                .isEqualTo(amount / 200);
    }

    private void followOnFourNodes() throws Exception {
        clock.advance(Duration.ofSeconds(3));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> {
                int passed = 0;
                for (int round = 0; round < 50; round++) {
                    int n = jobs.follow();
                    passed += n;
                    if (n == 0) {
                        break;
                    }
                }
                return passed;
            });
        }
        race(calls);
    }
}
