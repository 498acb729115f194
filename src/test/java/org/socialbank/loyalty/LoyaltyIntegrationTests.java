package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.CardFeed;
import org.socialbank.cards.Cards;
import org.socialbank.conversation.Outbound;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.Language;
import org.socialbank.ledger.Ledger;
import org.socialbank.loyalty.LoyaltyFixtures.Member;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.ChatFakes;
import org.socialbank.support.Chats;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.MutableClock;
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
 * Issue 16 s3 over real HTTP and a Telegram fake on H2: points are earned on card purchases and
 * p2p payments once per source transfer (the journal read again earns nothing), shown with what
 * expires soon, expire after their lifetime first in first out, and are redeemed for a statement
 * credit over the API (idempotent, refusals as problem+json) and in chat, confirmed on the bank's
 * page, in Persian and Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "socialbank.web.secure-cookies=false",
    "socialbank.conversation.relay-enabled=false",
    "socialbank.loyalty.follower-enabled=false"})
@Import({LoyaltyTestClock.class, SmsFakes.class, ChatFakes.class})
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
    FakeSms sms;

    @Autowired
    Chats chats;

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
    void purchasesAndP2pEarnOncePerSourceTransferEvenWhenTheJournalIsReadAgain() {
        Member member = fixtures.member(Language.EN, true);
        Member friend = fixtures.member(Language.EN, false);
        fixtures.buy(member.credit(), 2_599); // 12 points at 1 point per 2.00 EUR
        fixtures.buy(member.debit(), 399); // 1 point
        fixtures.pay(member, friend, 1_000); // 5 points for the payer, none for the payee
        fixtures.buy(member.debit(), 150); // under 2.00 EUR: no point
        follow();
        follow();
        assertThat(balance(member.id())).isEqualTo(18);
        assertThat(balance(friend.id())).isZero();

        jdbc.sql("UPDATE loyalty_cursor SET last_sequence = 0").update(); // the whole journal, once more
        follow();
        Response response = api.get("/api/v1/customers/" + member.id().value() + "/points");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("balance").asLong()).isEqualTo(18);
        assertThat(response.json().path("unit").asString()).isEqualTo("QPT");
        List<String> kinds = new java.util.ArrayList<>();
        response.json().path("history").forEach(m -> kinds.add(m.path("kind").asString()));
        assertThat(kinds).containsExactly("earned", "earned", "earned");
        assertThat(api.get("/api/v1/customers/" + UUID.randomUUID() + "/points").code()).isEqualTo("customer_not_found");
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
        assertThat(soon.expiringSoon()).extracting(PointsSummary.Expiring::points).containsExactly(50L);
        clock.advance(Duration.ofDays(31));
        jobs.expire();
        assertThat(balance(member.id())).isEqualTo(100);
        jobs.expire(); // a second run expires nothing more
        assertThat(balance(member.id())).isEqualTo(100);
        assertThat(points.summary(member.id(), 1).orElseThrow().history().get(0).kind()).isEqualTo("expired");
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
        assertThat(first.json().path("maskedNumber").asString()).isEqualTo(member.credit().maskedNumber());
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
        assertProblem(api.post("/api/v1/customers/" + member.id().value() + "/points/redemptions",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"points\":100,\"cardId\":\"" + member.debit().id().value() + "\"}"),
                404, "card_not_found");
        assertThat(balance(member.id())).isEqualTo(200);
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
        List<String> told = chats.told(chat, "已兑换");
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).contains(member.credit().maskedNumber());
    }

    @Test
    void anUnlinkedChatIsOfferedTheLinkAndSeesNoPoints() {
        assertThat(chats.say(Chats.newChat(), "my points")).singleElement().isInstanceOf(Outbound.Link.class);
    }

    private void follow() {
        clock.advance(Duration.ofSeconds(3)); // past the journal's settling time
        while (jobs.follow() > 0) {
            // until the journal is read to its end
        }
    }

    private long balance(CustomerId customer) {
        return points.summary(customer, 1).orElseThrow().balance();
    }

    private Response redeem(CustomerId customer, UUID id, long count) {
        return api.post("/api/v1/customers/" + customer.value() + "/points/redemptions", """
                {"id": "%s", "points": %d}""".formatted(id, count));
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
