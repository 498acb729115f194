package org.socialbank.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.billing.BillingFixtures.Person;
import org.socialbank.directory.Directory;
import org.socialbank.directory.KycLevel;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.FakeSms;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.Races;
import org.socialbank.support.Seeds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Billing payments of one customer asked for at the same moment never pass a limit together (review
 * 2026-12-07 money #1): the bills and top-ups that fit in what is left of the daily (a full
 * customer's) or monthly (a basic customer's, whose month is as small as its day) limit go
 * through, every other one is rejected with that limit's code, and the ledger stays balanced; the
 * card-to-card transfers from one card stay within the card's daily limit. Each round is seeded:
 * how much was spent before, the amount and how many fit, which kind each request is. Run on H2
 * and on PostgreSQL by the subclasses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.billing.worker-interval=200ms",
            "socialbank.payments.risk.burst-payments-max=1000",
            "socialbank.payments.risk.step-up.IRR.above=5000000",
            "socialbank.payments.risk.step-up.IRR.new-payee-above=5000000",
            "socialbank.payments.risk.limits.full.IRR.per-transaction=1000000",
            "socialbank.payments.risk.limits.full.IRR.per-day=1000000",
            "socialbank.payments.risk.limits.basic.IRR.per-transaction=1000000",
            "socialbank.payments.risk.limits.basic.IRR.per-day=1000000",
            "socialbank.payments.risk.limits.basic.IRR.per-month=1000000",
            "socialbank.billing.card-daily-limits-minor.IRR=600000"
        })
@Import(BillingLimitsConcurrency.Fakes.class)
abstract class BillingLimitsConcurrency {

    static final int THREADS = 8;
    static final long LIMIT_MINOR = 1_000_000;
    static final long CARD_LIMIT_MINOR = 600_000;
    static final long WALLET_MINOR = 5_000_000;
    /** Amounts both a bill (thousands of rials) and an Iranian operator's top-up can have. */
    static final long[] AMOUNTS_MINOR = {20_000, 50_000, 100_000};

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.socialbank.cards.Cards cards;

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {
        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }
    }

    static LongStream seeds() {
        return Seeds.consecutive("BillingLimitsConcurrency", 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("review 2026-12-07 money #1: bills and top-ups asked for at once take only what is left of the limit")
    void billsAndTopUpsAtOnceTakeOnlyWhatIsLeftOfTheLimit(long seed) throws Exception {
        RandomGenerator random = Seeds.random(seed);
        String context = Seeds.replay(seed);
        Api api = new Api(port);
        BillingFixtures fixtures = new BillingFixtures(directory, ledger, seed, cards);
        boolean monthly = random.nextBoolean();
        Person customer =
                fixtures.customer("Racing Payer", Language.EN, monthly ? KycLevel.BASIC : KycLevel.FULL, WALLET_MINOR);
        Round round = Round.of(random, LIMIT_MINOR);
        if (round.spentMinor() > 0) {
            Response before = api.post(
                    "/api/v1/bills/payments",
                    BillingFixtures.pay(
                            UUID.randomUUID(), customer.id(), fixtures.freshBill(round.spentMinor() / 1000)));
            assertThat(before.json().path("status").asString())
                    .as(context + " " + before)
                    .isEqualTo("completed");
        }
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String body = random.nextBoolean()
                    ? BillingFixtures.pay(
                            UUID.randomUUID(), customer.id(), fixtures.freshBill(round.amountMinor() / 1000))
                    : topUp(customer, round.amountMinor());
            String path = body.contains("\"phone\"") ? "/api/v1/topups" : "/api/v1/bills/payments";
            requests.add(() -> api.post(path, body));
        }
        List<Response> answers = Races.race(requests);

        String limit = monthly ? "exceeds_monthly_limit" : "exceeds_daily_limit";
        context += " " + round + " " + answers;
        assertThat(answers).as(context).allMatch(r -> r.status() == 201);
        assertThat(answers.stream().filter(r -> status(r).equals("completed")))
                .as(context)
                .hasSize(round.fitting());
        assertThat(answers.stream().filter(r -> status(r).equals("rejected")))
                .as(context)
                .hasSize(THREADS - round.fitting())
                .allMatch(r -> r.code().equals(limit));
        long paidMinor = round.spentMinor() + round.fitting() * round.amountMinor();
        assertThat(paidMinor).as(context).isLessThanOrEqualTo(LIMIT_MINOR);
        assertThat(committedMinor(customer)).as(context).isEqualTo(paidMinor);
        assertThat(fixtures.available(customer.wallet())).as(context).isEqualTo(WALLET_MINOR - paidMinor);
        LedgerAudit audit = new LedgerAudit(jdbc);
        audit.assertBalanced();
        audit.assertBalancesMatchTheJournal();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("review 2026-12-07 money #1: card-to-card transfers from one card asked for at once stay within "
            + "the card's daily limit")
    void cardTransfersAtOnceStayWithinTheCardsDailyLimit(long seed) throws Exception {
        RandomGenerator random = Seeds.random(seed);
        String context = Seeds.replay(seed);
        Api api = new Api(port);
        BillingFixtures fixtures = new BillingFixtures(directory, ledger, seed, cards);
        Person customer = fixtures.customer("Racing Sender", Language.EN, KycLevel.FULL, WALLET_MINOR);
        Round round = Round.of(random, CARD_LIMIT_MINOR);
        if (round.spentMinor() > 0) {
            Response before = api.post("/api/v1/card-transfers", card(customer, round.spentMinor()));
            assertThat(before.json().path("status").asString())
                    .as(context + " " + before)
                    .isEqualTo("awaiting_confirmation");
        }
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String body = card(customer, round.amountMinor());
            requests.add(() -> api.post("/api/v1/card-transfers", body));
        }
        List<Response> answers = Races.race(requests);

        context += " " + round + " " + answers;
        assertThat(answers).as(context).allMatch(r -> r.status() == 201);
        assertThat(answers.stream().filter(r -> status(r).equals("awaiting_confirmation")))
                .as(context + ": held for the step-up, they count against the card's day")
                .hasSize(round.fitting());
        assertThat(answers.stream().filter(r -> status(r).equals("rejected")))
                .as(context)
                .hasSize(THREADS - round.fitting())
                .allMatch(r -> r.code().equals(CardTransferResult.EXCEEDS_DAILY_LIMIT));
        assertThat(committedMinor(customer))
                .as(context)
                .isEqualTo(round.spentMinor() + round.fitting() * round.amountMinor())
                .isLessThanOrEqualTo(CARD_LIMIT_MINOR);
        new LedgerAudit(jdbc).assertBalanced();
    }

    /**
     * One seeded round against {@code limitMinor}: {@code spentMinor} paid before (whole thousands,
     * perhaps nothing), then {@link #THREADS} requests of {@code amountMinor} of which exactly
     * {@code fitting} (1 to all but one) fit in what is left.
     */
    record Round(long spentMinor, long amountMinor, int fitting) {

        static Round of(RandomGenerator random, long limitMinor) {
            long amountMinor = AMOUNTS_MINOR[random.nextInt(AMOUNTS_MINOR.length)];
            int fitting = 1 + random.nextInt((int) Math.min(THREADS - 1, limitMinor / amountMinor));
            long leftOverMinor = random.nextBoolean() ? 0 : random.nextLong(amountMinor / 1000) * 1000;
            long spentMinor = Math.max(0, limitMinor - fitting * amountMinor - leftOverMinor);
            return new Round(spentMinor, amountMinor, fitting);
        }
    }

    /** What the customer committed to billing's payments, as the limits count it. */
    private long committedMinor(Person customer) {
        return jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM (SELECT customer_id, amount_minor, status "
                        + "FROM billing_bill_payments UNION ALL SELECT customer_id, amount_minor, status FROM billing_topups "
                        + "UNION ALL SELECT customer_id, amount_minor, status FROM billing_card_transfers) p "
                        + "WHERE customer_id = ? AND status NOT IN ('REJECTED', 'FAILED', 'NOT_CONFIRMED')")
                .param(customer.id().value())
                .query(Long.class)
                .single();
    }

    private static String status(Response r) {
        return r.json().path("status").asString();
    }

    private static String topUp(Person customer, long amountMinor) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + customer.id()
                + "\",\"phone\":\"09121234567\",\"amountMinor\":" + amountMinor + ",\"currency\":\"IRR\"}";
    }

    private static String card(Person customer, long amountMinor) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + customer.id()
                + "\",\"destinationCard\":\"6037701689095443\",\"amountMinor\":" + amountMinor
                + ",\"currency\":\"IRR\"}";
    }
}
