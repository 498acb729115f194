package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.CardsFixtures.Holder;
import org.socialbank.cards.sandbox.SandboxCardProcessor;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statement job over several months with an injected clock, on H2: paid in full (interest
 * free), the minimum only (interest, no late fee), nothing (late fee and interest); a job run twice
 * or on two nodes at once writes each statement and books each fee once; a card left alone for
 * months is caught up in order.
 */
@SpringBootTest(properties = "socialbank.cards.statement-interval=1d")
@Import(CardStatementsIntegrationTests.Clocks.class)
class CardStatementsIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @Autowired
    MutableClock clock;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    Cards cards;

    @Autowired
    CardFeed feed;

    @Autowired
    RepayCard repay;

    @Autowired
    Statements statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CardProcessor processor;

    CardsFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CardsFixtures(directory, ledger, cards);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
    }

    @Test
    void paidInFullThenMinimumOnlyThenNothing() {
        moveTo("2026-01-10");
        Holder holder = fixtures.holder(100_000, 300_000, 15);
        Card card = holder.credit();
        buy(card, 10_000, "2026-01-12");

        moveTo("2026-01-16");
        statements.run();
        Statement january = latest(card);
        assertThat(january.statementDate()).isEqualTo("2026-01-15");
        assertThat(january.dueDate()).isEqualTo("2026-02-02");
        assertThat(january.graceEndsOn()).isEqualTo("2026-02-05");
        assertThat(january.balanceMinor()).isEqualTo(10_000);
        assertThat(january.minimumPaymentMinor()).isEqualTo(1_000);

        moveTo("2026-01-20");
        repaid(card, 10_000);
        buy(card, 20_000, "2026-01-25");
        moveTo("2026-02-16");
        statements.run();
        Statement february = latest(card);
        assertThat(february.statementDate()).isEqualTo("2026-02-15");
        assertThat(february.interestMinor()).as("paid in full: interest-free").isZero();
        assertThat(february.lateFeeMinor()).isZero();
        assertThat(february.balanceMinor()).isEqualTo(20_000);
        assertThat(february.minimumPaymentMinor()).isEqualTo(2_000);

        moveTo("2026-02-20");
        repaid(card, 2_000);
        moveTo("2026-03-16");
        statements.run();
        Statement march = latest(card);
        assertThat(march.lateFeeMinor()).as("the minimum was paid").isZero();
        assertThat(march.interestMinor()).as("18000 * 0.05 %% * 28 days").isEqualTo(252);
        assertThat(march.balanceMinor()).isEqualTo(18_252);
        assertThat(march.minimumPaymentMinor()).isEqualTo(1_000);

        moveTo("2026-04-16");
        statements.run();
        Statement april = latest(card);
        assertThat(april.lateFeeMinor())
                .as("5 %% of the unpaid 10.00, at least 1.00")
                .isEqualTo(100);
        assertThat(april.interestMinor()).isEqualTo(283);
        assertThat(april.balanceMinor()).isEqualTo(18_635);
        assertThat(april.minimumPaymentMinor()).isEqualTo(100 + 283 + 1_000);
        assertThat(cards.owedMinor(card))
                .as("fees and interest are in the ledger")
                .isEqualTo(18_635);
        assertThat(statements.of(card.id())).hasSize(4);

        assertThat(statements.run()).as("run again: nothing to do").isZero();
        assertThat(cards.owedMinor(card)).isEqualTo(18_635);
    }

    @Test
    @DisplayName("review 2026-12-07 money #5: a card transaction the processor delivers after its statement was written"
            + " is carried into the next statement, so the statement balance is what the ledger says is owed")
    void aTransactionDeliveredAfterItsStatementIsCarriedIntoTheNext() {
        moveTo("2026-11-01");
        Holder holder = fixtures.holder(100_000, 300_000, 10);
        Card card = holder.credit();
        buy(card, 10_000, "2026-11-05");
        moveTo("2026-11-11");
        statements.run();
        Statement november = latest(card);
        assertThat(november.statementDate()).isEqualTo("2026-11-10");
        assertThat(november.balanceMinor()).isEqualTo(10_000);

        // the processor's clearing comes a day late: a purchase and a refund of days the November statement closed
        SandboxCardProcessor processor = (SandboxCardProcessor) this.processor;
        FeedTransaction late = CardsFixtures.purchase(card, 3_000, LocalDate.parse("2026-11-09"));
        processor.submit(late);
        processor.submit(new FeedTransaction(
                UUID.randomUUID(),
                card.id(),
                FeedKind.REFUND,
                1_000,
                card.currency(),
                LocalDate.parse("2026-11-10"),
                "Shop"));
        feed.readFeed();
        assertThat(feed.book(late)).isEqualTo(new FeedResult.Booked(true));
        repaid(card, 10_000); // November's balance, in full
        assertThat(statements.of(card.id()))
                .as("a statement written is not rewritten")
                .containsExactly(november);

        moveTo("2026-12-11");
        statements.run();
        Statement december = latest(card);
        assertThat(december.statementDate()).isEqualTo("2026-12-10");
        assertThat(december.purchasesMinor()).as("the late purchase").isEqualTo(3_000);
        assertThat(december.creditsMinor())
                .as("the late refund and the repayment")
                .isEqualTo(11_000);
        assertThat(december.interestMinor()).isZero();
        assertThat(december.balanceMinor()).isEqualTo(2_000).isEqualTo(cards.owedMinor(card));

        moveTo("2027-01-11");
        statements.run();
        assertThat(latest(card).purchasesMinor()).as("counted once").isZero();
        assertThat(latest(card).balanceMinor()).isEqualTo(cards.owedMinor(card));
    }

    @Test
    void twoNodesAtOnceWriteEachStatementAndBookEachFeeOnce() throws Exception {
        moveTo("2026-05-03");
        Holder holder = fixtures.holder(0, 300_000, 5);
        Card card = holder.credit();
        buy(card, 40_000, "2026-05-04");
        moveTo("2026-05-06");
        statements.run();
        moveTo("2026-08-06"); // nothing paid for three months
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> written = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                written.add(pool.submit(() -> {
                    start.await();
                    return statements.run();
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> w : written) {
                total += w.get();
            }
            assertThat(total).as("other tests' cards may be due too").isGreaterThanOrEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        List<Statement> all = statements.of(card.id());
        assertThat(all)
                .extracting(Statement::statementDate)
                .map(LocalDate::toString)
                .containsExactly("2026-08-05", "2026-07-05", "2026-06-05", "2026-05-05");
        long fees = all.stream()
                .mapToLong(s -> s.lateFeeMinor() + s.interestMinor())
                .sum();
        assertThat(fees).isPositive();
        assertThat(cards.owedMinor(card))
                .isEqualTo(40_000 + fees)
                .isEqualTo(all.get(0).balanceMinor());
        for (int i = 0; i < all.size() - 1; i++) {
            assertThat(all.get(i).previousBalanceMinor())
                    .isEqualTo(all.get(i + 1).balanceMinor());
        }
    }

    @Test
    void aStatementWhoseFeesWereNotBookedIsBookedByTheNextRun() {
        moveTo("2026-09-01");
        Holder holder = fixtures.holder(0, 300_000, 2);
        Card card = holder.credit();
        buy(card, 5_000, "2026-09-01");
        moveTo("2026-10-03");
        statements.run();
        Statement september =
                statements.of(card.id()).get(statements.of(card.id()).size() - 1);
        assertThat(september.statementDate()).isEqualTo("2026-09-02");
        assertThat(latest(card).lateFeeMinor()).isPositive();
        long owed = cards.owedMinor(card);
        // as if the node had stopped between writing the statement and booking it
        jdbc.sql("UPDATE card_statements SET status = 'NEW' WHERE card_id = ?")
                .param(card.id().value())
                .update();
        statements.run();
        assertThat(cards.owedMinor(card)).isEqualTo(owed);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM card_statements WHERE card_id = ? AND status = 'NEW'")
                        .param(card.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void buy(Card card, long amountMinor, String on) {
        assertThat(feed.book(CardsFixtures.purchase(card, amountMinor, LocalDate.parse(on))))
                .isEqualTo(new FeedResult.Booked(false));
    }

    private void repaid(Card card, long amountMinor) {
        assertThat(repay.repay(UUID.randomUUID(), card.id(), amountMinor)).isInstanceOf(RepaymentResult.Repaid.class);
    }

    private Statement latest(Card card) {
        return statements.latest(card.id()).orElseThrow();
    }

    private void moveTo(String day) {
        Instant target = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), target));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
        }
    }
}
