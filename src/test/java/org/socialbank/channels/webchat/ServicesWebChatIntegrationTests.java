package org.socialbank.channels.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardFeed;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.cards.FeedKind;
import org.socialbank.cards.FeedResult;
import org.socialbank.cards.FeedTransaction;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.Ledger;
import org.socialbank.loyalty.Points;
import org.socialbank.loyalty.PointsJobs;
import org.socialbank.loyalty.PointsSummary;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Api;
import org.socialbank.support.Await;
import org.socialbank.support.Customers;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.socialbank.support.MutableClock;
import org.socialbank.support.SmsFakes;
import org.socialbank.support.TestStores;
import org.socialbank.support.WebChatBrowser;
import org.socialbank.sweeping.ConsentId;
import org.socialbank.sweeping.ConsentRequest;
import org.socialbank.sweeping.LimitPeriod;
import org.socialbank.sweeping.LinkResult;
import org.socialbank.sweeping.Sweeping;
import org.socialbank.sweeping.sandbox.SandboxOpenBanking;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * svc16, issue 16 "Done means: every section works end to end over the web chat": a visitor of the
 * bank's own web chat links it (sign-in and SMS code on the bank's page), then, over real HTTP on a
 * random port and the web chat's history, asks for their cards (s1, s2), their points and a partner
 * voucher (s3: confirmed on the step-up page, its code read once on the bank's page), applies for a
 * credit card whose form is signed with an SMS code and answered again when the bank asks for more
 * information (s4), and lists and collects from an account at another bank (s6). Appointments (s5)
 * have their own test, {@code branches.AppointmentWebChatIntegrationTests}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "socialbank.web.secure-cookies=false",
            "socialbank.loyalty.follower-enabled=false",
            "socialbank.sweeping.worker-interval=200ms",
            "socialbank.sweeping.rules-enabled=false",
            // the sandbox's rules stand for the bank's own here: its referral goes to review at once
            // (outside demo mode the sandbox's verdicts otherwise wait for staff: docs/applications.md)
            "socialbank.applications.auto-decide=true"
        })
@Import({SmsFakes.class, ServicesWebChatIntegrationTests.Clock.class})
class ServicesWebChatIntegrationTests {

    static final String PASSWORD = "a long enough password";
    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));

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
    PointsJobs pointsJobs;

    @Autowired
    Points points;

    @Autowired
    Sweeping sweeping;

    @Autowired
    SandboxOpenBanking otherBanks;

    @Autowired
    MutableClock clock;

    @Autowired
    FakeSms sms;

    Customers.Customer visitor;
    WebChatBrowser chat;

    /** A French-speaking customer with a funded euro wallet, whose web chat is linked as a visitor links it. */
    @BeforeEach
    void linkTheWebChat() {
        String username = "web" + UUID.randomUUID().toString().substring(0, 8);
        visitor = new Customers(directory, ledger)
                .named("Visiteur Web")
                .speaking(Language.FR)
                .phone(phone())
                .credentials(username, PASSWORD)
                .wallet(EUR.code(), 100_000)
                .create();
        chat = new WebChatBrowser(port);
        chat.link("lier mon compte", username, PASSWORD, () -> sms.lastCode(visitor.phone()));
        // the chat is told of the link through the outbox, after the page answered: wait for it, or
        // say() would count it as the answer to the first question (a race CI found)
        chat.await(m -> m.path("text").asString().contains("maintenant relié"));
    }

    @Test
    void cardsPointsAndAPartnersVoucher() { // s1, s2, s3
        Card credit = issued(cards.issueCredit(new CardId(UUID.randomUUID()), visitor.id(), EUR, 500_000, 10));
        assertThat(say("mes cartes").path("text").asString())
                .contains("Vos cartes")
                .contains(credit.maskedNumber());
        assertThat(say("mon relevé de carte de crédit").path("text").asString()) // s2: a new card, no cycle closed yet
                .isEqualTo("Il n’y a pas encore de relevé de carte de crédit.");
        assertThat(feed.book(new FeedTransaction(
                        UUID.randomUUID(),
                        credit.id(),
                        FeedKind.PURCHASE,
                        100_000,
                        EUR,
                        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                        "Web Shop")))
                .isInstanceOf(FeedResult.Booked.class);
        clock.advance(Duration.ofSeconds(3)); // past the journal's settling time
        while (pointsJobs.follow() > 0) {
            // until the journal is read to its end
        }
        assertThat(balance()).isEqualTo(500); // 1 point per 2.00 EUR
        assertThat(say("mes points").path("text").asString()).contains("Vous avez 500 points");
        assertThat(say("bons d'achat").path("text").asString())
                .contains("Café Lumière")
                .contains("échanger coffee");

        JsonNode confirm = say("échanger coffee");
        assertThat(confirm.path("kind").asString()).isEqualTo("link");
        assertThat(confirm.path("text").asString()).contains("300").contains("Café Lumière");
        FormClient page = new FormClient(port);
        String path = pathOf(confirm.path("url").asString());
        page.get(path);
        page.post(path, "code", sms.lastCode(visitor.phone()));
        assertThat(balance()).isEqualTo(200);
        JsonNode ready = chat.await(m -> m.path("kind").asString().equals("link")
                && m.path("text").asString().contains("est prêt"));
        assertThat(voucherCodeShownOn(ready)).startsWith("RW-");
    }

    @Test
    void aCardApplicationSignedAskedForMoreAndDecided() { // s4: the signed form, "more information", the decision
        JsonNode start = say("demander une carte de crédit");
        assertThat(start.path("kind").asString()).isEqualTo("link");
        assertThat(start.path("text").asString()).contains("Votre demande de carte de crédit est prête");
        String form = pathOf(start.path("url").asString());
        FormClient page = new FormClient(port);
        page.get(form);
        // a limit above a month of income: the bank's rules refer it to staff
        sign(page, page.post(form, "amount", "5000", "income", "3000", "purpose", "voyages"));
        chat.await(m -> m.path("text").asString().contains("Nous avons reçu votre demande de carte de crédit"));

        Api api = new Api(port);
        String id = applicationOf(api, "in_review");
        assertThat(api.post("/api/v1/applications/" + id + "/decision", """
                {"status":"more_info","reason":"Votre employeur et votre salaire net, s'il vous plaît."}""").status())
                .isEqualTo(200);
        JsonNode asked = chat.await(m -> m.path("kind").asString().equals("link")
                && m.path("text").asString().contains("Il nous faut plus d’informations"));
        assertThat(asked.path("text").asString()).contains("Votre employeur");
        String again = pathOf(asked.path("url").asString());
        FormClient second = new FormClient(port);
        assertThat(second.get(again).html()).contains("Votre employeur");
        sign(second, second.post(again, "amount", "5000", "income", "6000", "purpose", "voyages, salarié"));
        chat.await(m -> m.path("text").asString().contains("votre demande de carte de crédit est acceptée"));
        assertThat(applicationOf(api, "approved")).isEqualTo(id);
        assertThat(api.get("/api/v1/customers/" + visitor.id().value() + "/cards")
                        .json()
                        .path("cards"))
                .anySatisfy(c -> assertThat(c.path("limitMinor").asLong()).isEqualTo(500_000));
    }

    @Test
    void anAccountAtAnotherBankListedOnThePageAndCollected() { // s6
        String ref =
                SandboxOpenBanking.accountRef("other-bank", visitor.id().value().toString(), "EUR");
        otherBanks.setBalance(ref, 300_00);
        assertThat(sweeping.link(new ConsentRequest(
                        new ConsentId(UUID.randomUUID()),
                        visitor.id(),
                        "other-bank",
                        ref,
                        EUR,
                        1_000_00,
                        5_000_00,
                        LimitPeriod.MONTH,
                        clock.instant().plus(Duration.ofDays(365)))))
                .isInstanceOf(LinkResult.Linked.class);
        JsonNode listed = say("mes autres banques");
        assertThat(listed.path("kind").asString()).isEqualTo("link");
        assertThat(listed.path("text").asString())
                .contains("Vos comptes dans d’autres banques")
                .contains(ref);
        assertThat(new FormClient(port)
                        .get(pathOf(listed.path("url").asString()))
                        .html())
                .contains("Vos comptes dans d")
                .contains("autres banques")
                .contains(ref);

        assertThat(say("rapatrier mon argent").path("text").asString()).contains("J’ai demandé votre argent");
        chat.await(m -> m.path("text").asString().contains("sont arrivés de"));
        assertThat(ledger.account(visitor.wallet()).orElseThrow().balanceMinor())
                .isEqualTo(100_000 + 300_00);
    }

    /** Says a text in the web chat and answers the bank's newest message after it. */
    private JsonNode say(String text) {
        int seen = chat.bankMessages();
        chat.post("/chat/messages", "id", UUID.randomUUID().toString(), "text", text);
        return chat.awaitAfter(seen, m -> true);
    }

    private String voucherCodeShownOn(JsonNode ready) {
        FormClient reader = new FormClient(port);
        String path = pathOf(ready.path("url").asString());
        assertThat(reader.get(path).html()).contains("Café Lumière").doesNotContain("RW-");
        Matcher code = Pattern.compile("id=\"code\"[^>]*>(RW-[A-Z0-9-]+)<")
                .matcher(reader.post(path).html());
        assertThat(code.find()).isTrue();
        assertThat(ready.path("text").asString()).doesNotContain(code.group(1)); // never in the chat
        return code.group(1);
    }

    private void sign(FormClient page, FormClient.Page signing) {
        Matcher action = Pattern.compile("action=\"(/confirm/[^\"/]+)\"").matcher(signing.html());
        assertThat(action.find()).as(signing.html()).isTrue();
        assertThat(page.post(action.group(1), "code", sms.lastCode(visitor.phone()))
                        .status())
                .isEqualTo(200);
    }

    private String applicationOf(Api api, String status) {
        return Await.until(
                        () -> api.get("/api/v1/applications?status=" + status + "&limit=100")
                                .json()
                                .path("applications")
                                .valueStream()
                                .filter(a -> a.path("customerId")
                                        .asString()
                                        .equals(visitor.id().value().toString()))
                                .map(a -> a.path("id").asString())
                                .findFirst(),
                        java.util.Optional::isPresent,
                        Duration.ofSeconds(20),
                        none -> "the application of " + visitor.id() + " " + status)
                .orElseThrow();
    }

    private long balance() {
        return points.summary(visitor.id(), 1).map(PointsSummary::balance).orElse(0L);
    }

    /** A number in this helper's range (+336714), apart from the other classes'. */
    private static String phone() {
        return String.format("+336714%05d", PHONES.getAndIncrement() % 100_000);
    }

    private static Card issued(CardResult result) {
        assertThat(result).isInstanceOf(CardResult.Done.class);
        return ((CardResult.Done) result).card();
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The tests' clock, moved by hand past the points journal's settling time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
        }
    }
}
