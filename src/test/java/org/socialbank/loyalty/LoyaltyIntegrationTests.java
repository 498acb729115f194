package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialbank.cards.CardFeed;
import org.socialbank.cards.Cards;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.StatusResult;
import org.socialbank.loyalty.LoyaltyFixtures.Member;
import org.socialbank.loyalty.sandbox.SandboxRewards;
import org.socialbank.shared.Language;
import org.socialbank.shared.ProviderAnswer;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
import org.socialbank.support.Seeds;
import org.socialbank.support.SmsFakes;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16 s3 over real HTTP and a Telegram fake on H2: points are earned on card purchases (not on
 * p2p payments nor cash withdrawals) once per source transfer (the journal read again earns nothing), shown with what
 * expires soon, expire after their lifetime first in first out, and are redeemed for a statement
 * credit over the API (idempotent, refusals as problem+json) and in chat, confirmed on the bank's
 * page, in Persian and Chinese.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.conversation.relay-enabled=false",
            "socialbank.loyalty.follower-enabled=false"
        })
@Import({LoyaltyTestClock.class, ChatFakes.class, SmsFakes.class})
class LoyaltyIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
    }

    @LocalServerPort
    int port;

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
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Chats chats;

    @Autowired
    FakeSms sms;

    @Autowired
    SandboxRewards rewards;

    @Autowired
    Vouchers vouchers;

    @Autowired
    PointsDiscounts discounts;

    @Autowired
    Confirmations confirmations;

    @Autowired
    DurableTransactions writes;

    Api api;
    LoyaltyFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new LoyaltyFixtures(directory, ledger, cards, feed, clock);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        new LedgerAudit(jdbc).assertBalanced();
        new LedgerAudit(jdbc).assertBalancesMatchTheJournal();
    }

    @Test
    @DisplayName("review 2026-12-07 loyalty follow-up: purchases earn once per source transfer; p2p payments and"
            + " cash withdrawals earn nothing by default")
    void purchasesEarnOncePerSourceTransferEvenWhenTheJournalIsReadAgain() {
        Member member = fixtures.member(Language.EN, true);
        Member friend = fixtures.member(Language.EN, false);
        fixtures.buy(member.credit(), 2_599); // 12 points at 1 point per 2.00 EUR
        fixtures.buy(member.debit(), 399); // 1 point
        fixtures.pay(member, friend, 1_000); // p2p: no point for the payer, none for the payee
        fixtures.pay(friend, member, 1_000); // and back: still none
        fixtures.withdraw(member.debit(), 20_000); // cash at an ATM: no point
        fixtures.withdraw(member.credit(), 100_000); // a cash advance on credit: no point
        fixtures.buy(member.debit(), 150); // under 2.00 EUR: no point
        follow();
        follow();
        assertThat(balance(member.id())).isEqualTo(13);
        assertThat(balance(friend.id())).isZero();

        jdbc.sql("UPDATE loyalty_cursor SET last_sequence = 0").update(); // the whole journal, once more
        follow();
        Response response = api.get("/api/v1/customers/" + member.id().value() + "/points");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("balance").asLong()).isEqualTo(13);
        assertThat(response.json().path("unit").asString()).isEqualTo("QPT");
        List<String> kinds = new java.util.ArrayList<>();
        response.json().path("history").forEach(m -> kinds.add(m.path("kind").asString()));
        assertThat(kinds).containsExactly("earned", "earned");
        assertThat(api.get("/api/v1/customers/" + UUID.randomUUID() + "/points").code())
                .isEqualTo("customer_not_found");
    }

    @Test
    void aRefundTakesBackThePointsItsAmountEarnedOnceAndNeverMoreThanAreLeft() { // issue 16 s3
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 20_000); // 100 points
        fixtures.buy(member.debit(), 10_000); // 50 points
        follow();
        assertThat(balance(member.id())).isEqualTo(150);
        fixtures.refund(member.credit(), 10_000); // half of the first purchase back: its 50 points too
        follow();
        assertThat(balance(member.id())).isEqualTo(100);
        jdbc.sql("UPDATE loyalty_cursor SET last_sequence = 0").update(); // the whole journal, once more
        follow();
        assertThat(balance(member.id())).isEqualTo(100);
        List<String> kinds = new java.util.ArrayList<>();
        api.get("/api/v1/customers/" + member.id().value() + "/points")
                .json()
                .path("history")
                .forEach(m -> kinds.add(
                        m.path("kind").asString() + " " + m.path("points").asLong()));
        assertThat(kinds).containsExactly("taken_back -50", "earned 50", "earned 100");

        assertThat(redeem(member.id(), UUID.randomUUID(), 100).status()).isEqualTo(201);
        fixtures.refund(member.debit(), 10_000); // its 50 points were spent: nothing is left to take
        follow();
        assertThat(balance(member.id())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE code = 'points-take-back' AND debit_account_id = ?")
                        .param(PointsAccounts.customer(member.id()).value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT SUM(points_left) FROM loyalty_lots WHERE customer_id = ?")
                        .param(member.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    static List<Long> refundSeeds() {
        return Seeds.fixedAndFresh("LoyaltyIntegrationTests.refunds", 20261207L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("refundSeeds")
    @DisplayName("purchases refunded in random parts, in random order, give back exactly their points"
            + " (review 2026-12-07 loyalty follow-up)")
    void purchasesRefundedInRandomPartsGiveBackExactlyTheirPoints(long seed) {
        RandomGenerator random = Seeds.random(seed);
        Member member = fixtures.member(Language.EN, true);
        List<long[]> purchases = new ArrayList<>(); // amount, points earned, refunded so far
        List<Runnable> refunds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long[] purchase = {random.nextLong(100, 150_000), 0, 0};
            purchase[1] = purchase[0] / 200; // EUR: a point per 2.00, rounded down
            purchases.add(purchase);
            UUID id = fixtures.buy(member.credit(), purchase[0]);
            for (long part : LoyaltyFixtures.parts(random, purchase[0], (int) random.nextLong(1, 7))) {
                refunds.add(() -> {
                    fixtures.refund(member.credit(), part, id);
                    purchase[2] += part;
                });
            }
        }
        follow();
        Collections.shuffle(refunds, new Random(random.nextLong()));
        for (Runnable refund : refunds) {
            refund.run();
            if (random.nextBoolean()) {
                follow();
                assertThat(balance(member.id()))
                        .as(Seeds.replay(seed))
                        .isEqualTo(purchases.stream()
                                .mapToLong(p ->
                                        p[1] - p[1] * p[2] / p[0]) // what is left: earned less the floor of the share
                                .sum());
            }
        }
        follow();
        jdbc.sql("UPDATE loyalty_cursor SET last_sequence = 0").update(); // the whole journal, once more
        follow();
        assertThat(balance(member.id())).as(Seeds.replay(seed)).isZero();
    }

    @Test
    void pointsExpireAfterTheirLifetimeFirstInFirstOutAndAreShownBeforehand() {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 40_000); // 200 points
        follow();
        clock.advance(Duration.ofDays(100));
        fixtures.buy(member.credit(), 20_000); // 100 points, earned 100 days later
        follow();
        assertThat(redeem(member.id(), UUID.randomUUID(), 150).status()).isEqualTo(201); // takes the oldest first
        clock.advance(Duration.ofDays(730 - 100 - 30)); // the first lot expires in 30 days
        PointsSummary soon = points.summary(member.id(), 10).orElseThrow();
        assertThat(soon.balance()).isEqualTo(150);
        assertThat(soon.expiringSoon())
                .extracting(PointsSummary.Expiring::points)
                .containsExactly(50L);
        clock.advance(Duration.ofDays(31));
        jobs.expire();
        assertThat(balance(member.id())).isEqualTo(100);
        jobs.expire(); // a second run expires nothing more
        assertThat(balance(member.id())).isEqualTo(100);
        assertThat(points.summary(member.id(), 1).orElseThrow().history().get(0).kind())
                .isEqualTo("expired");
        clock.advance(Duration.ofDays(100));
        jobs.expire();
        assertThat(balance(member.id())).isZero();
    }

    @Test
    void aRedemptionOverHttpCreditsTheCardOnceAndRefusalsAreProblemsWithACode() {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 100_000); // 500 points, and the card owes 1,000.00
        follow();
        UUID id = UUID.randomUUID();
        Response first = redeem(member.id(), id, 300);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("amountMinor").asLong()).isEqualTo(300); // 0.01 EUR a point
        assertThat(first.json().path("currency").asString()).isEqualTo("EUR");
        assertThat(first.json().path("maskedNumber").asString())
                .isEqualTo(member.credit().maskedNumber());
        Response again = redeem(member.id(), id, 300);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("createdAt")).isEqualTo(first.json().path("createdAt"));
        assertThat(balance(member.id())).isEqualTo(200);
        assertThat(cards.owedMinor(member.credit())).isEqualTo(100_000 - 300);

        assertProblem(redeem(member.id(), id, 250), 409, "id_reused");
        assertProblem(redeem(member.id(), UUID.randomUUID(), 50), 422, "points_not_valid");
        assertProblem(redeem(member.id(), UUID.randomUUID(), 201), 422, "insufficient_points");
        assertProblem(redeem(new CustomerId(UUID.randomUUID()), UUID.randomUUID(), 100), 404, "customer_not_found");
        Member noCredit = fixtures.member(Language.EN, false);
        assertProblem(redeem(noCredit.id(), UUID.randomUUID(), 100), 422, "no_credit_card");
        assertProblem(
                api.post(
                        "/api/v1/customers/" + member.id().value() + "/points/redemptions",
                        "{\"id\":\"" + UUID.randomUUID() + "\",\"points\":100,\"cardId\":\""
                                + member.debit().id().value() + "\"}"),
                404,
                "card_not_found");
        assertThat(balance(member.id())).isEqualTo(200);
    }

    @Test
    @DisplayName("review 2026-12-07 money #3: a refund while points are held takes what is available, owes the held"
            + " part until the hold ends, and the follower goes on earning for everyone")
    void aRefundWhilePointsAreHeldNeverStallsTheFollower() {
        Member released = fixtures.member(Language.EN, true);
        Member spent = fixtures.member(Language.EN, true);
        fixtures.buy(released.credit(), 200_000); // 1,000 points each
        fixtures.buy(spent.credit(), 200_000);
        follow();
        UUID releasedOrder = lostVoucher(released); // 300 points held, the partner's answer lost
        UUID spentOrder = lostVoucher(spent);
        fixtures.refund(released.credit(), 200_000); // takes back 1,000 points: 700 now, 300 owed
        fixtures.refund(spent.credit(), 200_000);
        Member other = fixtures.member(Language.EN, true);
        fixtures.buy(other.credit(), 20_000); // someone else's 100 points, later in the journal
        follow();
        assertThat(balance(other.id())).isEqualTo(100);
        assertThat(balance(released.id())).isEqualTo(300);
        assertThat(points.available(released.id())).isZero();
        assertThat(owed(released.id())).isEqualTo(300);

        vouchers.settle(releasedOrder, new ProviderAnswer.Failed("out_of_stock")); // the points come back: taken
        vouchers.settle(spentOrder, new ProviderAnswer.Succeeded("RW-1")); // spent: they stay spent
        for (Member m : List.of(released, spent)) {
            assertThat(balance(m.id())).isZero();
            assertThat(owed(m.id())).isZero();
            assertThat(pointsLeft(m.id())).isZero();
        }
        jdbc.sql("UPDATE loyalty_cursor SET last_sequence = 0").update(); // the whole journal, once more
        fixtures.buy(released.credit(), 20_000); // 100 new points: no refund takes them again
        follow();
        assertThat(balance(released.id())).isEqualTo(100);
        assertThat(balance(other.id())).isEqualTo(100);
    }

    @Test
    @DisplayName("review 2026-12-07 money #3 (its last note): a purchase of a customer whose points account is"
            + " frozen earns nothing, and the follower goes on earning for everyone")
    void aFrozenPointsAccountNeverStallsTheFollower() {
        Member frozen = fixtures.member(Language.EN, true);
        fixtures.buy(frozen.credit(), 20_000); // 100 points
        follow();
        AccountId account = jdbc.sql("SELECT account_id FROM loyalty_members WHERE customer_id = ?")
                .param(frozen.id().value())
                .query(UUID.class)
                .optional()
                .map(AccountId::new)
                .orElseThrow();
        assertThat(ledger.changeStatus(account, AccountStatus.FROZEN)).isInstanceOf(StatusResult.Changed.class);
        fixtures.buy(frozen.credit(), 20_000); // 100 points that cannot be issued
        Member other = fixtures.member(Language.EN, true);
        fixtures.buy(other.credit(), 20_000); // someone else's 100 points, later in the journal
        follow();
        assertThat(balance(other.id())).isEqualTo(100);
        assertThat(balance(frozen.id())).isEqualTo(100);
        assertThat(ledger.changeStatus(account, AccountStatus.OPEN)).isInstanceOf(StatusResult.Changed.class);
    }

    @Test
    @DisplayName("review 2026-12-07 loyalty follow-up: a voucher ordered from a frozen points account is refused as"
            + " account_unavailable, not insufficient_points, and the chat is told so")
    void aVoucherFromAFrozenPointsAccountIsRefusedAsUnavailable() {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        String chat = chats.linkedTo(member.id());
        Outbound.Link link = (Outbound.Link) chats.say(chat, "redeem coffee").get(0);
        AccountId account = PointsAccounts.customer(member.id());
        assertThat(ledger.changeStatus(account, AccountStatus.FROZEN)).isInstanceOf(StatusResult.Changed.class);
        UUID id = UUID.randomUUID();
        assertProblem(voucher(member.id(), id, "coffee"), 422, "account_unavailable");
        assertThat(voucher(member.id(), id, "coffee").json().path("reason").asString())
                .isEqualTo("account_unavailable"); // the id answers the same
        FormClient browser = new FormClient(port); // confirmed on the page once the account is frozen
        browser.get(pathOf(link.url()));
        browser.post(pathOf(link.url()), "code", sms.lastCode(member.phone()));
        chats.drain();
        assertThat(chats.told(chat, "was not ordered")) // the API's order and the page's, each told once
                .hasSize(2)
                .allSatisfy(
                        t -> assertThat(t).contains("cannot be used right now").doesNotContain("that many"));
        assertThat(ledger.changeStatus(account, AccountStatus.OPEN)).isInstanceOf(StatusResult.Changed.class);
        assertThat(balance(member.id())).isEqualTo(1_000);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 money #3: redeeming points held for a voucher is 422 insufficient_points, not a 500")
    void redeemingHeldPointsIsRefusedAsInsufficient() {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        lostVoucher(member); // 300 held
        UUID id = UUID.randomUUID();
        assertProblem(redeem(member.id(), id, 800), 422, "insufficient_points");
        assertProblem(redeem(member.id(), id, 800), 422, "insufficient_points"); // the id answers the same
        assertThat(redeem(member.id(), UUID.randomUUID(), 700).status()).isEqualTo(201);
        assertThat(balance(member.id())).isEqualTo(300);
        assertThat(cards.owedMinor(member.credit())).isEqualTo(200_000 - 700);
        String chat = chats.linkedTo(member.id());
        assertThat(Chats.text(chats.say(chat, "redeem 200 points"))).contains("don’t have that many points");
    }

    @Test
    @DisplayName("review 2026-12-07 money #3 and #6: a redemption confirmed on the page while its points are held"
            + " is refused, and the chat is told why")
    void aRedemptionConfirmedWhileItsPointsAreHeldIsToldInTheChat() {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        String chat = chats.linkedTo(member.id());
        Outbound.Link link =
                (Outbound.Link) chats.say(chat, "redeem 800 points").get(0);
        lostVoucher(member); // 300 held before the code is typed
        FormClient browser = new FormClient(port);
        browser.get(pathOf(link.url()));
        FormClient.Page page = browser.post(pathOf(link.url()), "code", sms.lastCode(member.phone()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(balance(member.id())).isEqualTo(1_000);
        assertThat(cards.owedMinor(member.credit())).isEqualTo(200_000);
        chats.drain();
        assertThat(chats.told(chat, "not redeemed"))
                .singleElement()
                .asString()
                .contains("800")
                .contains("held for a voucher");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 money #6: a redemption refused at confirmation, or left to expire (a voucher's too),"
                    + " is told in the chat")
    void aRedemptionRefusedOrNeverConfirmedIsToldInTheChat() {
        Member member = fixtures.member(Language.FR, true);
        fixtures.buy(member.credit(), 100_000); // 500 points
        follow();
        String chat = chats.linkedTo(member.id());
        Outbound.Link refused =
                (Outbound.Link) chats.say(chat, "utiliser 300 points").get(0);
        assertThat(redeem(member.id(), UUID.randomUUID(), 400).status()).isEqualTo(201); // spent before the code
        FormClient browser = new FormClient(port);
        browser.get(pathOf(refused.url()));
        browser.post(pathOf(refused.url()), "code", sms.lastCode(member.phone()));
        browser.post(pathOf(refused.url()), "code", sms.lastCode(member.phone())); // a second submit tells nothing
        chats.drain();
        assertThat(chats.told(chat, "n’ont pas été utilisés"))
                .singleElement()
                .asString()
                .contains("300")
                .contains("plus autant de points");

        Outbound.Link left =
                (Outbound.Link) chats.say(chat, "utiliser 100 points").get(0);
        assertThat(left.url()).isNotBlank();
        fixtures.buy(member.credit(), 60_000); // 300 more points, for a coffee
        follow();
        Outbound.Link coffee =
                (Outbound.Link) chats.say(chat, "échanger coffee").get(0);
        assertThat(coffee.url()).isNotBlank();
        clock.advance(Duration.ofHours(2));
        confirmations.expireDue(100);
        confirmations.expireDue(100); // once
        chats.drain();
        assertThat(chats.told(chat, "pas été faite à temps"))
                .hasSize(2)
                .anySatisfy(t -> assertThat(t).contains("100"))
                .anySatisfy(t -> assertThat(t).contains("300"));
        assertThat(balance(member.id())).isEqualTo(400);
    }

    @Test
    @DisplayName("review 2026-12-07 money #3: a lot expiring under a bill's discount hold expires what is available"
            + " and the round goes on to the next lots")
    void expiryGoesOnPastALotHeldForABillsDiscount() {
        Member held = fixtures.member(Language.EN, true);
        fixtures.buy(held.credit(), 200_000); // 1,000 points, the oldest lot
        follow();
        clock.advance(Duration.ofDays(1));
        Member next = fixtures.member(Language.EN, true);
        fixtures.buy(next.credit(), 20_000); // 100 points, a day younger
        follow();
        clock.advance(Duration.ofDays(9));
        fixtures.buy(held.credit(), 20_000); // 100 points, not due when the first lots are
        follow();
        UUID bill = UUID.randomUUID();
        Optional<AccountId> rewardsAccount =
                writes.write(status -> discounts.hold(bill, held.id(), 400, LoyaltyFixtures.EUR));
        assertThat(rewardsAccount).isPresent();
        clock.advance(Duration.ofDays(725)); // the first two lots are due, the third is not
        jobs.expire();
        assertThat(balance(held.id()))
                .isEqualTo(500); // the held 400 are the oldest lot's: they stay, as does the young lot
        assertThat(balance(next.id())).isZero(); // the round went on
        jobs.expire(); // nothing more, and nothing thrown
        assertThat(balance(held.id())).isEqualTo(500);
        writes.write(status -> {
            discounts.release(bill, held.id()); // the bill was not paid: the points are back, and past their date
            return null;
        });
        jobs.expire();
        assertThat(balance(held.id())).isEqualTo(100);
        assertThat(pointsLeft(held.id())).isEqualTo(100);
    }

    @Test
    void myPointsInPersianShowsTheBalanceInPersianDigits() {
        Member member = fixtures.member(Language.FA, true);
        fixtures.buy(member.credit(), 25_000); // 125 points
        follow();
        String chat = chats.linkedTo(member.id());
        String answer = Chats.text(chats.say(chat, "امتیازهای من"));
        assertThat(answer).contains("۱۲۵").contains("امتیاز").doesNotContain("125");
        assertThat(Chats.text(chats.say(chat, "my points"))).contains("۱۲۵"); // the chat's language is the customer's
    }

    @Test
    @DisplayName("review 2026-12-07 money #3 (the gap it documented): \"my points\" and the API's points show what"
            + " can be spent now and what is held, the chat says why, in English and in French")
    void myPointsAndTheApiShowWhatIsAvailableAndWhatIsHeldAndWhy() {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        String chat = chats.linkedTo(member.id());
        assertPoints(member.id(), 1_000, 1_000, 0);
        assertThat(Chats.text(chats.say(chat, "my points")))
                .startsWith("You have 1,000 points.\n\n")
                .doesNotContain("held"); // no hold, no held line
        lostVoucher(member); // 300 held
        assertPoints(member.id(), 1_000, 700, 300);
        assertThat(Chats.text(chats.say(chat, "my points")))
                .startsWith("You can spend 700 points now.\n300 points are held for a voucher order in progress.\n\n");
        assertThat(Chats.text(chats.say(chat, "vouchers"))).contains("you have 700 points"); // held ones buy nothing

        Member french = fixtures.member(Language.FR, true);
        fixtures.buy(french.credit(), 200_000); // 1,000 points
        follow();
        String chatFr = chats.linkedTo(french.id());
        writes.write(status -> discounts.hold(UUID.randomUUID(), french.id(), 400, LoyaltyFixtures.EUR));
        assertPoints(french.id(), 1_000, 600, 400);
        assertThat(Chats.text(chats.say(chatFr, "mes points")))
                .startsWith("Vous pouvez utiliser 600 points dès maintenant.\n400 points sont réservés pour une facture"
                        + " ou une recharge en cours de paiement.\n\n");
        lostVoucher(french); // and 300 more for a coffee
        assertPoints(french.id(), 1_000, 300, 700);
        assertThat(Chats.text(chats.say(chatFr, "mes points")))
                .contains("utiliser 300 points")
                .contains("700 points sont réservés pour une commande de bon d’achat et un paiement en cours.");
    }

    /** The API's points: the posted balance (held included, as documented), what is available and what is held. */
    private void assertPoints(CustomerId customer, long balance, long available, long held) {
        Response answer = api.get("/api/v1/customers/" + customer.value() + "/points");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("balance").asLong()).as(answer.body()).isEqualTo(balance);
        assertThat(answer.json().path("available").asLong()).as(answer.body()).isEqualTo(available);
        assertThat(answer.json().path("held").asLong()).as(answer.body()).isEqualTo(held);
        assertThat(answer.json().path("available").isIntegralNumber()).isTrue();
    }

    @Test
    void aRedemptionAskedInChineseIsConfirmedOnTheBanksPageAndToldOnce() {
        Member member = fixtures.member(Language.ZH, true);
        fixtures.buy(member.credit(), 100_000); // 500 points
        follow();
        String chat = chats.linkedTo(member.id());
        assertThat(Chats.text(chats.say(chat, "兑换50积分"))).contains("最低");
        assertThat(Chats.text(chats.say(chat, "兑换900积分"))).contains("积分不足");
        List<Outbound> offer = chats.say(chat, "兑换200积分");
        assertThat(offer).singleElement().isInstanceOf(Outbound.Link.class);
        Outbound.Link link = (Outbound.Link) offer.get(0);
        assertThat(link.text()).contains("200").contains(member.credit().maskedNumber());
        assertThat(balance(member.id())).isEqualTo(500); // nothing moves before the code

        String path = URI.create(link.url()).getPath();
        FormClient browser = new FormClient(port);
        assertThat(browser.get(path).html()).contains(member.credit().maskedNumber());
        browser.post(path, "code", sms.lastCode(member.phone()));
        browser.post(path, "code", sms.lastCode(member.phone())); // a second submit redeems nothing more
        assertThat(balance(member.id())).isEqualTo(300);
        assertThat(cards.owedMinor(member.credit())).isEqualTo(100_000 - 200); // 200 points of 0.01 EUR
        chats.drain();
        List<String> told =
                chats.sent(chat).stream().filter(t -> t.contains("已兑换")).toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).contains(member.credit().maskedNumber());
    }

    @Test
    void pointsBuyAPartnersVoucherOnceAndAFailedOrLostOrderSpendsNothingTwice() { // issue 16 s3
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        String base = "/api/v1/customers/" + member.id().value() + "/points";
        assertThat(api.get(base + "/rewards").json().path("rewards")).anySatisfy(r -> {
            assertThat(r.path("code").asString()).isEqualTo("coffee");
            assertThat(r.path("points").asLong()).isEqualTo(300);
        });
        UUID first = UUID.randomUUID();
        Response issued = voucher(member.id(), first, "coffee");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("status").asString()).isEqualTo("issued");
        String code = issued.json().path("voucherCode").asString();
        assertThat(code).startsWith("RW-");
        assertThat(balance(member.id())).isEqualTo(700);
        Response again = voucher(member.id(), first, "coffee");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("voucherCode").asString()).isEqualTo(code);
        assertProblem(voucher(member.id(), first, "cinema"), 409, "id_reused");
        assertProblem(voucher(member.id(), UUID.randomUUID(), "yacht"), 404, "reward_not_found");

        rewards.failNext();
        Response failed = voucher(member.id(), UUID.randomUUID(), "coffee");
        assertThat(failed.json().path("status").asString()).isEqualTo("failed");
        assertThat(failed.json().path("reason").asString()).isEqualTo("out_of_stock");
        assertThat(balance(member.id())).isEqualTo(700); // released

        rewards.loseNext();
        UUID lost = UUID.randomUUID();
        assertThat(voucher(member.id(), lost, "coffee").json().path("status").asString())
                .isEqualTo("pending");
        assertThat(voucher(member.id(), UUID.randomUUID(), "coffee")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("issued");
        assertProblem(voucher(member.id(), UUID.randomUUID(), "coffee"), 422, "insufficient_points"); // 300 held
        clock.advance(Duration.ofSeconds(31));
        assertThat(vouchers.recheck()).isEqualTo(1);
        assertThat(vouchers.recheck()).isZero();
        assertThat(voucher(member.id(), lost, "coffee").json().path("status").asString())
                .isEqualTo("issued");
        assertThat(balance(member.id())).isEqualTo(100);
        assertThat(jdbc.sql("SELECT SUM(points_left) FROM loyalty_lots WHERE customer_id = ?")
                        .param(member.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(100);
    }

    @Test
    @DisplayName("review 2026-12-07 loyalty follow-up: a partner slower than its timeout leaves the order pending,"
            + " the janitor asks only once the recheck age has passed, and the late voucher is booked as issued")
    void aSlowPartnersLateVoucherIsBookedAsIssuedNotFailed() {
        Member member = fixtures.member(Language.EN, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        rewards.slowNext();
        UUID slow = UUID.randomUUID();
        long started = System.nanoTime();
        Response held = voucher(member.id(), slow, "coffee");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(rewards.timeout());
        assertThat(held.json().path("status").asString()).as(held.body()).isEqualTo("pending");
        clock.advance(rewards.timeout());
        vouchers.recheck(); // younger than voucher-recheck-after: not asked (other tests' orders may be)
        assertThat(vouchers.voucher(slow).orElseThrow().status()).isEqualTo(Voucher.Status.PENDING);
        clock.advance(Duration.ofSeconds(30));
        vouchers.recheck();
        assertThat(vouchers.voucher(slow).orElseThrow().status()).isEqualTo(Voucher.Status.ISSUED);
        assertThat(balance(member.id())).isEqualTo(700);
    }

    @Test
    void aVoucherAskedInChatIsConfirmedOnTheBanksPageItsCodeShownThereOnceAndItsEndTold() { // svc16, issue 16 s3
        Member member = fixtures.member(Language.FR, true);
        fixtures.buy(member.credit(), 200_000); // 1,000 points
        follow();
        String chat = chats.linkedTo(member.id());
        assertThat(Chats.text(chats.say(chat, "bons d'achat")))
                .contains("Café Lumière")
                .contains("« échanger coffee »")
                .contains("Cinéma du Parc");
        assertThat(Chats.text(chats.say(chat, "échanger yacht"))).contains("ne proposent pas ce bon");
        assertThat(Chats.text(chats.say(chat, "obtenir le bon books"))).contains("coûte"); // 2,500 points

        Outbound.Link confirm =
                (Outbound.Link) chats.say(chat, "échanger coffee").get(0);
        assertThat(confirm.text()).contains("300").contains("Café Lumière");
        assertThat(balance(member.id())).isEqualTo(1_000); // nothing is spent before the code
        FormClient browser = new FormClient(port);
        String path = pathOf(confirm.url());
        assertThat(browser.get(path).html()).contains("Café Lumière");
        browser.post(path, "code", sms.lastCode(member.phone()));
        browser.post(path, "code", sms.lastCode(member.phone())); // a second submit orders nothing more
        assertThat(balance(member.id())).isEqualTo(700);
        chats.drain();
        List<Outbound.Link> ready = chats.sent(chat, Outbound.Link.class).stream()
                .filter(l -> l.text().contains("est prêt"))
                .toList();
        assertThat(ready).hasSize(1);
        String code = jdbc.sql("SELECT voucher_code FROM loyalty_vouchers WHERE customer_id = ? AND status = 'issued'")
                .param(member.id().value())
                .query(String.class)
                .single();
        assertThat(code).startsWith("RW-");
        assertThat(chats.sent(chat)).noneMatch(t -> t.contains(code)); // a bearer secret: never in the chat
        assertThat(ready.get(0).text()).doesNotContain(code);

        String codePage = pathOf(ready.get(0).url());
        FormClient reader = new FormClient(port);
        FormClient.Page before = reader.get(codePage);
        assertThat(before.html()).contains("Café Lumière").doesNotContain(code); // a link preview reveals nothing
        assertThat(reader.post(codePage).html()).contains(code);
        assertThat(reader.post(codePage).html()).doesNotContain(code).contains("déjà été affiché"); // once
        String forged = codePage.replaceFirst("\\.([A-Za-z0-9_-])([A-Za-z0-9_-]*)\\?", ".$2x?");
        assertThat(reader.get(forged).status()).isEqualTo(404);

        rewards.failNext(); // the partner is out of stock: the held points come back, and the chat is told why
        Outbound.Link again = (Outbound.Link) chats.say(chat, "échanger coffee").get(0);
        browser.get(pathOf(again.url()));
        browser.post(pathOf(again.url()), "code", sms.lastCode(member.phone()));
        assertThat(balance(member.id())).isEqualTo(700);
        chats.drain();
        assertThat(chats.told(chat, "rupture de stock"))
                .singleElement()
                .asString()
                .contains("300");

        Outbound.Link late = (Outbound.Link) chats.say(chat, "échanger coffee").get(0);
        assertThat(redeem(member.id(), UUID.randomUUID(), 500).status()).isEqualTo(201); // spent before the code
        browser.get(pathOf(late.url()));
        browser.post(pathOf(late.url()), "code", sms.lastCode(member.phone()));
        assertThat(balance(member.id())).isEqualTo(200);
        chats.drain();
        assertThat(chats.told(chat, "n’a pas été commandé").size()
                        + chats.told(chat, "n'a pas été commandé").size())
                .isEqualTo(1);
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() { // issue 16 "Done means": the HTTP APIs are in the OpenAPI document
        String docs =
                new Api("http://127.0.0.1:" + port, null).get("/v3/api-docs").body();
        assertThat(docs)
                .contains("/api/v1/customers/{id}/points")
                .contains("/api/v1/customers/{id}/points/redemptions")
                .contains("/api/v1/customers/{id}/points/rewards")
                .contains("/api/v1/customers/{id}/points/vouchers");
    }

    @Test
    void anUnlinkedChatIsOfferedTheLinkAndSeesNoPoints() {
        assertThat(chats.say("tg-" + UUID.randomUUID(), "my points"))
                .singleElement()
                .isInstanceOf(Outbound.Link.class);
    }

    private void follow() {
        clock.advance(Duration.ofSeconds(3)); // past the journal's settling time
        while (jobs.follow() > 0) {
            // until the journal is read to its end
        }
    }

    /** Orders a coffee (300 points) whose answer the partner loses: its points stay held; answers the order's id. */
    private UUID lostVoucher(Member member) {
        rewards.loseNext();
        UUID order = UUID.randomUUID();
        Response held = voucher(member.id(), order, "coffee");
        assertThat(held.json().path("status").asString()).as(held.body()).isEqualTo("pending");
        return order;
    }

    private long owed(CustomerId customer) {
        return jdbc.sql("SELECT points_owed FROM loyalty_members WHERE customer_id = ?")
                .param(customer.value())
                .query(Long.class)
                .single();
    }

    private long pointsLeft(CustomerId customer) {
        return jdbc.sql("SELECT COALESCE(SUM(points_left), 0) FROM loyalty_lots WHERE customer_id = ?")
                .param(customer.value())
                .query(Long.class)
                .single();
    }

    private long balance(CustomerId customer) {
        return points.summary(customer, 1).orElseThrow().balance();
    }

    private Response voucher(CustomerId customer, UUID id, String reward) {
        return api.post(
                "/api/v1/customers/" + customer.value() + "/points/vouchers",
                "{\"id\":\"" + id + "\",\"reward\":\"" + reward + "\"}");
    }

    private Response redeem(CustomerId customer, UUID id, long count) {
        return api.post(
                "/api/v1/customers/" + customer.value() + "/points/redemptions",
                "{\"id\":\"" + id + "\",\"points\":" + count + "}");
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
