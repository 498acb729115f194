package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.socialbank.cards.CardReminderDue.Kind;
import org.socialbank.cards.CardsFixtures.Holder;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Auto-repayment and reminders over months with an injected clock (issue 16 s2): the reminder three
 * days before the due date, the auto-repayment on it (in full, the minimum, or nothing and a
 * message when the account holds too little), the overdue reminder after the grace period; each
 * once, with the job run twice in a row and by several nodes at once. Run on H2 and PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CardRemindersScenario {

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
    Statements statements;

    @Autowired
    CardReminders reminders;

    @Autowired
    AutoRepayments autoRepayments;

    @Autowired
    Heard heard;

    @Autowired
    JdbcClient jdbc;

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
    @Order(1)
    void autoRepaysInFullOnTheDueDateThenNothingWhenShortAndTheOverdueReminderFollows() throws Exception {
        moveTo("2026-01-10");
        Holder holder = fixtures.holder(100_000, 300_000, 15);
        Card card = holder.credit();
        assertThat(autoRepayments.set(card.id(), AutoRepayment.Mode.FULL, holder.wallet()))
                .isInstanceOf(AutoRepaymentResult.Set.class);
        buy(card, 10_000, "2026-01-12");
        moveTo("2026-01-16");
        statements.run();
        runOnNodes(4);
        assertThat(heard.of(holder.id())).isEmpty(); // due 2026-02-02: not yet

        moveTo("2026-01-30");
        runOnNodes(4);
        reminders.run();
        assertThat(heard.of(holder.id())).extracting(CardReminderDue::kind).containsExactly(Kind.DUE_SOON_AUTO_FULL);

        moveTo("2026-02-02");
        runOnNodes(4);
        reminders.run();
        assertThat(heard.of(holder.id()))
                .extracting(CardReminderDue::kind)
                .containsExactly(Kind.DUE_SOON_AUTO_FULL, Kind.AUTO_REPAID);
        assertThat(heard.of(holder.id()).get(1).amountMinor()).isEqualTo(10_000);
        assertThat(cards.owedMinor(card)).isZero();
        assertThat(fixtures.balance(holder.wallet())).isEqualTo(90_000);

        buy(card, 200_000, "2026-02-10"); // more than the wallet holds
        moveTo("2026-02-16");
        statements.run();
        moveTo("2026-03-02"); // three days before the due date, 15 Feb + 18 days
        reminders.run();
        moveTo("2026-03-05");
        runOnNodes(4);
        assertThat(heard.of(holder.id()))
                .extracting(CardReminderDue::kind)
                .containsExactly(Kind.DUE_SOON_AUTO_FULL, Kind.AUTO_REPAID, Kind.DUE_SOON_AUTO_FULL, Kind.AUTO_SHORT);
        assertThat(fixtures.balance(holder.wallet()))
                .as("short: nothing repaid")
                .isEqualTo(90_000);
        assertThat(cards.owedMinor(card)).isEqualTo(200_000);

        moveTo("2026-03-08"); // the last day of grace
        reminders.run();
        assertThat(heard.of(holder.id())).hasSize(4);
        moveTo("2026-03-09");
        runOnNodes(4);
        reminders.run();
        List<CardReminderDue> all = heard.of(holder.id());
        assertThat(all).hasSize(5);
        assertThat(all.get(4).kind()).isEqualTo(Kind.OVERDUE);
        assertThat(all.get(4).minimumMinor()).isEqualTo(20_000);
        assertThat(all.get(4).dueDate()).isEqualTo("2026-03-05");
    }

    @Test
    @Order(2)
    void autoRepaysTheMinimumLessWhatWasRepaidAndSaysNothingWhenPaidAlready() throws Exception {
        moveTo("2027-01-10");
        Holder minimum = fixtures.holder(100_000, 300_000, 20);
        Holder paid = fixtures.holder(100_000, 300_000, 20);
        Holder manual = fixtures.holder(100_000, 300_000, 20);
        assertThat(autoRepayments.set(minimum.credit().id(), AutoRepayment.Mode.MINIMUM, null))
                .isInstanceOf(AutoRepaymentResult.Set.class);
        assertThat(autoRepayments.set(paid.credit().id(), AutoRepayment.Mode.FULL, null))
                .isInstanceOf(AutoRepaymentResult.Set.class);
        for (Holder h : List.of(minimum, paid, manual)) {
            buy(h.credit(), 50_000, "2027-01-15");
        }
        moveTo("2027-01-21");
        statements.run();
        moveTo("2027-01-25");
        new RepayCardCall(this).repaid(minimum.credit(), 1_000); // of a minimum of 5000
        new RepayCardCall(this).repaid(paid.credit(), 50_000);
        moveTo("2027-02-06"); // three days before 9 Feb
        runOnNodes(3);
        assertThat(heard.of(paid.id())).as("paid in full: no reminder").isEmpty();
        assertThat(heard.of(manual.id())).extracting(CardReminderDue::kind).containsExactly(Kind.DUE_SOON);
        assertThat(heard.of(manual.id()).get(0).amountMinor()).isEqualTo(50_000);
        assertThat(heard.of(minimum.id()))
                .extracting(CardReminderDue::kind)
                .containsExactly(Kind.DUE_SOON_AUTO_MINIMUM);
        moveTo("2027-02-09");
        runOnNodes(3);
        assertThat(heard.of(minimum.id()).get(1).kind()).isEqualTo(Kind.AUTO_REPAID);
        assertThat(heard.of(minimum.id()).get(1).amountMinor()).isEqualTo(4_000);
        assertThat(cards.owedMinor(minimum.credit())).isEqualTo(45_000);
        assertThat(autoRepayments.set(minimum.credit().id(), AutoRepayment.Mode.OFF, null))
                .isInstanceOf(AutoRepaymentResult.Set.class);
        assertThat(autoRepayments.of(minimum.credit().id()).orElseThrow().mode())
                .isEqualTo(AutoRepayment.Mode.OFF);
        moveTo("2027-02-13");
        runOnNodes(3);
        assertThat(heard.of(manual.id()))
                .extracting(CardReminderDue::kind)
                .containsExactly(Kind.DUE_SOON, Kind.OVERDUE);
        assertThat(heard.of(minimum.id())).as("the minimum was repaid").hasSize(2);
        assertThat(heard.of(paid.id())).isEmpty();
    }

    @Test
    @Order(3)
    void theSettingTakesOnlyTheHoldersAccountInTheCardsCurrencyAndACreditCard() {
        moveTo("2028-01-10");
        Holder holder = fixtures.holder(1_000, 300_000, 10);
        Holder other = fixtures.holder(1_000, 300_000, 10);
        assertThat(autoRepayments.set(holder.credit().id(), AutoRepayment.Mode.FULL, other.wallet()))
                .isEqualTo(new AutoRepaymentResult.Refused(CardRefusal.ACCOUNT_UNAVAILABLE));
        assertThat(autoRepayments.set(holder.debit().id(), AutoRepayment.Mode.FULL, null))
                .isEqualTo(new AutoRepaymentResult.Refused(CardRefusal.CARD_NOT_CREDIT));
        assertThat(autoRepayments.set(new CardId(UUID.randomUUID()), AutoRepayment.Mode.FULL, null))
                .isEqualTo(new AutoRepaymentResult.Refused(CardRefusal.CARD_NOT_FOUND));
        assertThat(autoRepayments.set(holder.credit().id(), AutoRepayment.Mode.MINIMUM, null))
                .isEqualTo(new AutoRepaymentResult.Set(
                        new AutoRepayment(holder.credit().id(), AutoRepayment.Mode.MINIMUM, holder.wallet()),
                        holder.credit().maskedNumber()));
    }

    /** The job run by {@code nodes} threads at once, as several nodes would. */
    void runOnNodes(int nodes) throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            calls.add(reminders::run);
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    void buy(Card card, long amountMinor, String on) {
        assertThat(feed.book(CardsFixtures.purchase(card, amountMinor, LocalDate.parse(on))))
                .isEqualTo(new FeedResult.Booked(false));
    }

    void moveTo(String day) {
        Instant target = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), target));
    }

    /** A repayment by hand (through the API's use case). */
    record RepayCardCall(CardRemindersScenario test) {

        void repaid(Card card, long amountMinor) {
            assertThat(test.repay.repay(UUID.randomUUID(), card.id(), amountMinor))
                    .isInstanceOf(RepaymentResult.Repaid.class);
        }
    }

    @Autowired
    RepayCard repay;

    /** Every reminder published, in order. */
    static class Heard {

        private final List<CardReminderDue> all = Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(CardReminderDue due) {
            all.add(due);
        }

        List<CardReminderDue> of(CustomerId customer) {
            synchronized (all) {
                return all.stream().filter(d -> d.customerId().equals(customer)).toList();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        Heard heard() {
            return new Heard();
        }
    }
}
