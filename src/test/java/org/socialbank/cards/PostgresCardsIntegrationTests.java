package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialbank.support.Races.race;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.CardsFixtures.Holder;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.RecordedEvents;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Repayments and feed bookings racing on PostgreSQL: one id sent many times at once is booked
 * once, different ids together never repay more than the card owes, and a feed transaction
 * delivered to several readers at once is booked once; the statement job on four nodes at once
 * writes each statement once.
 */
@SpringBootTest(properties = "socialbank.cards.statement-interval=1d")
@Import({CardStatementsIntegrationTests.Clocks.class, RecordedEvents.class})
class PostgresCardsIntegrationTests {

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
    RepayCard repay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Statements statements;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordedEvents events;

    CardsFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CardsFixtures(directory, ledger, cards);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }

    @Test
    void concurrentRepaymentsAreBookedOnceEachAndNeverBeyondWhatIsOwed() throws Exception {
        Holder holder = fixtures.holder(100_000, 100_000, 10);
        feed.book(CardsFixtures.purchase(holder.credit(), 10_000, LocalDate.now(ZoneOffset.UTC)));
        UUID repeated = UUID.randomUUID();
        List<Callable<RepaymentResult>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> repay.repay(repeated, holder.credit().id(), 1_000));
        }
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            calls.add(() -> repay.repay(id, holder.credit().id(), 3_000));
        }
        List<RepaymentResult> results = race(calls);
        List<RepaymentResult> sameId = results.subList(0, 6);
        assertThat(sameId).allMatch(r -> r instanceof RepaymentResult.Repaid);
        assertThat(sameId.stream().filter(r -> !((RepaymentResult.Repaid) r).replayed()))
                .hasSize(1);
        assertThat(results.subList(6, 12).stream().filter(r -> r instanceof RepaymentResult.Repaid))
                .hasSize(3);
        assertThat(results.subList(6, 12).stream().filter(r -> r instanceof RepaymentResult.Refused))
                .allMatch(r -> ((RepaymentResult.Refused) r).code() == CardRefusal.EXCEEDS_AMOUNT_OWED
                        || ((RepaymentResult.Refused) r).code() == CardRefusal.NOTHING_OWED);
        assertThat(cards.owedMinor(holder.credit())).isZero();
        assertThat(fixtures.balance(holder.wallet())).isEqualTo(90_000);
    }

    @Test
    void aCardsDispatchDayIsStoredAndReadBackAndOnlyADayBetweenItsIssueAndTodayIsTaken() {
        Holder holder = fixtures.holder(10_000, 100_000, 10);
        LocalDate issued = holder.debit().issuedOn();
        assertThat(cards.card(holder.debit().id()).orElseThrow().dispatchedOn()).isNull();
        assertThat(cards.recordDispatch(holder.debit().id(), issued)).isInstanceOf(CardResult.Done.class);
        assertThat(cards.recordDispatch(holder.debit().id(), issued))
                .isEqualTo(new CardResult.Done(cards.card(holder.debit().id()).orElseThrow(), true));
        assertThat(cards.card(holder.debit().id()).orElseThrow().dispatchedOn()).isEqualTo(issued);
        assertThat(cards.recordDispatch(holder.debit().id(), issued.minusDays(1)))
                .isEqualTo(new CardResult.Refused(CardRefusal.DISPATCH_DATE_NOT_VALID));
        assertThat(cards.recordDispatch(
                        holder.credit().id(), LocalDate.now(ZoneOffset.UTC).plusDays(2)))
                .isEqualTo(new CardResult.Refused(CardRefusal.DISPATCH_DATE_NOT_VALID));
        assertThat(cards.card(holder.credit().id()).orElseThrow().dispatchedOn())
                .isNull();
    }

    @Test
    void onlyTheFirstRecentDayOfHerNewestCardIsAnnouncedAndOnceWhenFourNodesRecordItAtOnce() throws Exception {
        Holder holder = fixtures.holder(0, 100_000, 10);
        clock.advance(Duration.ofMinutes(1)); // issued the same day, created later: her newest card
        Card newest =
                CardsFixtures.issued(cards.issueDebit(new CardId(UUID.randomUUID()), holder.id(), holder.wallet()));
        LocalDate today = LocalDate.now(clock);

        assertThat(cards.recordDispatch(holder.debit().id(), today)).isInstanceOf(CardResult.Done.class);
        assertThat(announced(holder))
                .as("an older card's day is not news of her newest")
                .isEmpty();

        List<Callable<CardResult>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(() -> cards.recordDispatch(newest.id(), today));
        }
        assertThat(race(nodes)).allSatisfy(r -> assertThat(r).isInstanceOf(CardResult.Done.class));
        assertThat(announced(holder))
                .as("recorded on four nodes at once, announced once")
                .containsExactly(new CardDispatched(holder.id(), newest.maskedNumber(), today));

        clock.advance(Duration.ofDays(2));
        assertThat(cards.recordDispatch(newest.id(), today.plusDays(1)))
                .isEqualTo(new CardResult.Done(cards.card(newest.id()).orElseThrow(), false));
        assertThat(cards.card(newest.id()).orElseThrow().dispatchedOn()).isEqualTo(today.plusDays(1));
        assertThat(announced(holder)).as("a correction is not announced again").hasSize(1);

        Card later =
                CardsFixtures.issued(cards.issueDebit(new CardId(UUID.randomUUID()), holder.id(), holder.wallet()));
        clock.advance(Duration.ofDays(15));
        assertThat(cards.recordDispatch(later.id(), later.issuedOn())).isInstanceOf(CardResult.Done.class);
        assertThat(announced(holder))
                .as("sent 15 days ago, recorded today by a back office catching up: no message")
                .hasSize(1);
    }

    private List<CardDispatched> announced(Holder holder) {
        return events.stream(CardDispatched.class)
                .filter(e -> e.customerId().equals(holder.id()))
                .toList();
    }

    @Test
    void aFeedTransactionDeliveredToSeveralReadersAtOnceIsBookedOnce() throws Exception {
        Holder holder = fixtures.holder(10_000, 100_000, 10);
        FeedTransaction coffee = CardsFixtures.purchase(holder.debit(), 450, LocalDate.now(ZoneOffset.UTC));
        List<Callable<FeedResult>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> feed.book(coffee));
        }
        List<FeedResult> results = race(calls);
        assertThat(results)
                .containsOnly(new FeedResult.Booked(false), new FeedResult.Booked(true))
                .containsOnlyOnce(new FeedResult.Booked(false));
        assertThat(fixtures.balance(holder.wallet())).isEqualTo(9_550);
    }

    @Test
    void statementsOnFourNodesAtOnceAreWrittenAndChargedOnce() throws Exception {
        Holder holder = fixtures.holder(0, 300_000, 5);
        feed.book(CardsFixtures.purchase(holder.credit(), 40_000, LocalDate.now(clock)));
        clock.advance(Duration.ofDays(100));
        List<Callable<Integer>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(statements::run);
        }
        race(nodes);
        List<Statement> all = statements.of(holder.credit().id());
        assertThat(all).hasSizeBetween(3, 4);
        assertThat(all.stream().map(Statement::statementDate).distinct()).hasSameSizeAs(all);
        assertThat(cards.owedMinor(holder.credit())).isEqualTo(all.get(0).balanceMinor());
    }
}
