package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.campaigns.jdbc.JdbcRewards;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.Api;
import org.socialbank.support.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 part 3 over real HTTP on H2 and PostgreSQL (the twins {@code CampaignsIntegrationTests},
 * {@code PostgresCampaignsIntegrationTests}): a campaign reaches only its segment, in each recipient's
 * language with a one-tap "stop offers" that works, no more often than the weekly cap, never in
 * the recipient's quiet hours (held, not dropped), with an A/B split whose statistics are read as
 * JSON and CSV; a public network is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CampaignsContract.HeldRounds.class) // nested in a superclass, a twin would not find it
abstract class CampaignsContract {

    static final String APPROVER = "campaign-approver-token-0123456789";
    static final String READER = "campaign-reader-token-0123456789";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    Conversations conversations;

    @Autowired
    CampaignSender sender;

    @Autowired
    CampaignAudience audience;

    @Autowired
    CampaignRewards rewards;

    @Autowired
    JdbcRewards rewardStore;

    @Autowired
    org.socialbank.conversation.engine.DeliveryReports deliveryReports;

    @Autowired
    Ledger ledger;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.socialbank.applications.Applications applications;

    @Autowired
    org.socialbank.loyalty.Points points;

    @Autowired
    org.socialbank.console.staff.StaffAccounts staffAccounts;

    @Autowired
    java.time.Clock clock;

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    Api api;
    Api approver;

    /** The settings both twins share, after their store. */
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("socialbank.alerts.follower-enabled", () -> "false");
        registry.add("socialbank.campaigns.send-interval", () -> "1h"); // the test drives the sender
        registry.add("socialbank.campaigns.messages-per-second", () -> "10000");
        registry.add("socialbank.campaigns.reward-settle", () -> "0s"); // the test drives the reward follower
        registry.add("socialbank.api.clients.approver.token", () -> APPROVER);
        registry.add("socialbank.api.clients.approver.scopes", () -> "campaigns:read,campaigns:write");
        registry.add("socialbank.api.clients.reader.token", () -> READER);
        registry.add("socialbank.api.clients.reader.scopes", () -> "campaigns:read");
        registry.add("socialbank.web.secure-cookies", () -> "false"); // the console's session over plain HTTP
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        approver = new Api("http://127.0.0.1:" + port, APPROVER);
    }

    @Test
    void aCampaignReachesItsSegmentInItsLanguageWithOneTapStopWithinTheCapAndOutsideQuietHours() {
        Member camille = member("Camille Caron", Language.FR);
        Member alice = member("Alice Ashe", Language.EN);
        Member ivan = member("Ivan Ilyin", Language.RU);
        String stranger = "web-" + UUID.randomUUID();
        identities.identify(Network.WEBCHAT, stranger, null, null);
        consent(stranger);
        String body = """
                {"id": "%s", "name": "Savings week", "channel": "webchat", "weeklyCap": 1,
                 "quietHours": {"from": "%s", "to": "%s"}, "segment": {"languages": ["fr", "en"]},
                 "texts": {"en": "Savings week: 3%% on new savings.", "fr": "Semaine de l’épargne : 3 %% sur l’épargne."}}""";
        UUID first = approved(body.formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        JsonNode recipients = api.get("/api/v1/campaigns/" + first).json().path("recipients");
        assertThat(recipients.path("sent").asLong()).isEqualTo(2);
        assertThat(recipients.path("excluded").asLong())
                .as("Ivan reads Russian; the stranger is nobody known "
                        + "(and the other test's accounts, when it ran first)")
                .isGreaterThanOrEqualTo(2);
        assertThat(status(first, ivan.chat)).isEqualTo("excluded");
        assertThat(status(first, stranger)).isEqualTo("excluded");
        assertThat(outbox(ivan.identity)).isEmpty();
        assertThat(outbox(camille.identity))
                .singleElement()
                .asString()
                .contains("Semaine de l’épargne")
                .contains("ARRÊT")
                .contains("Stop aux offres");
        assertThat(outbox(alice.identity))
                .singleElement()
                .asString()
                .contains("Savings week")
                .contains("Stop offers");

        // a second campaign the same week: the cap of one holds
        UUID second = approved(body.formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        JsonNode capped = api.get("/api/v1/campaigns/" + second).json().path("recipients");
        assertThat(capped.path("capped").asLong())
                .as("%s; Camille %s, Alice %s", capped, status(second, camille.chat), status(second, alice.chat))
                .isEqualTo(2);
        assertThat(outbox(alice.identity)).hasSize(1);

        // quiet hours around now in the recipient's zone: held, not dropped
        jdbc.sql("UPDATE campaign_recipients SET updated_at = ? WHERE status = 'sent'")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minusDays(8))
                .update(); // a week later
        LocalTime london = LocalTime.now(ZoneId.of("Europe/London"));
        UUID third = approved(body.formatted(UUID.randomUUID(), hhmm(london.minusHours(1)), hhmm(london.plusHours(1)))
                .replace("[\"fr\", \"en\"]", "[\"en\"]"));
        drain();
        JsonNode held = api.get("/api/v1/campaigns/" + third).json().path("recipients");
        assertThat(held.path("queued").asLong()).as("Alice's quiet hours").isEqualTo(1);
        assertThat(held.path("sent").asLong()).isZero();
        jdbc.sql("UPDATE campaign_recipients SET not_before = ? WHERE campaign_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), third)
                .update(); // they ended
        jdbc.sql("UPDATE campaigns SET quiet_from = NULL, quiet_to = NULL WHERE id = ?")
                .param(third)
                .update();
        drain();
        assertThat(api.get("/api/v1/campaigns/" + third)
                        .json()
                        .path("recipients")
                        .path("sent")
                        .asLong())
                .isEqualTo(1);

        // one tap under the message withdraws marketing on that chat and says so in her language
        String stop = jdbc.sql("SELECT reference FROM button_refs WHERE identity_id = ? AND action LIKE ?")
                .params(camille.identity.value(), "%campaign.stop:%")
                .query(String.class)
                .list()
                .get(0);
        org.socialbank.conversation.Received pressed = conversations.receive(new InboundMessage(
                Network.WEBCHAT, "m-" + UUID.randomUUID(), camille.chat, null, null, new Inbound.Button(stop)));
        assertThat(((org.socialbank.conversation.Received.Handled) pressed).replies())
                .first()
                .extracting(m -> m.content().toString())
                .asString()
                .contains("messages commerciaux");
        JsonNode consent = api.get("/api/v1/consents?channel=webchat&externalUserId=" + camille.chat)
                .json()
                .path("consents")
                .get(0);
        assertThat(consent.path("status").asString()).isEqualTo("withdrawn");
    }

    /** Issue 17, 3.9: the weekly cap is the customer's, however many chats she linked. */
    @Test
    void theWeeklyCapCountsPerCustomerNotPerLinkedChat() {
        Member mei = member("Mei Ma", Language.ZH);
        String secondChat = "web-" + UUID.randomUUID();
        IdentityId second = linkedChat(mei.customer, secondChat);
        UUID campaign = sentToChineseReaders("Cap per customer", 1);
        assertThat(List.of(status(campaign, mei.chat), status(campaign, secondChat)))
                .as("one message for her two chats")
                .containsExactlyInAnyOrder("sent", "capped");
        assertThat(outbox(mei.identity).size() + outbox(second).size()).isEqualTo(1);
    }

    /**
     * Issue 17, 3.15: a recipient whose chat blocked the bank is {@code blocked}: known before
     * sending (nothing is written to her chat), or reported by the platform's refusal that marked
     * her chat unreachable; a refusal of another kind stays {@code failed}.
     */
    @Test
    void aRecipientWhoBlockedTheBankIsBlockedNotMerelyFailed() {
        Member known = member("Kenji Kato", Language.ZH);
        Member later = member("Li Lei", Language.ZH);
        Member other = member("Lan Lu", Language.ZH);
        identities.markUnreachable(known.identity);
        UUID campaign = sentToChineseReaders("Blocked", 50);
        assertThat(status(campaign, known.chat)).isEqualTo("blocked");
        assertThat(outbox(known.identity)).isEmpty();
        assertThat(status(campaign, later.chat)).isEqualTo("sent");

        identities.markUnreachable(later.identity); // as the Telegram adapter does on "bot was blocked by the user"
        events.publishEvent(new org.socialbank.shared.OutboundReported(
                messageOf(campaign, later.chat),
                "failed",
                "Forbidden: bot was blocked by the user",
                java.time.Instant.now()));
        events.publishEvent(new org.socialbank.shared.OutboundReported(
                messageOf(campaign, other.chat), "failed", "Internal Server Error", java.time.Instant.now()));
        assertThat(delivery(campaign, later.chat)).isEqualTo("blocked");
        assertThat(delivery(campaign, other.chat)).isEqualTo("failed");
        assertThat(api.get("/api/v1/campaigns/" + campaign)
                        .json()
                        .path("recipients")
                        .path("blocked")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
    }

    /** A web-chat campaign to Chinese readers (this class's session-8 tests), approved and sent. */
    private UUID sentToChineseReaders(String name, int weeklyCap) {
        UUID campaign = approved("""
                {"id": "%s", "name": "%s", "channel": "webchat", "weeklyCap": %d,
                 "quietHours": {"from": "%s", "to": "%s"}, "segment": {"languages": ["zh"]},
                 "texts": {"en": "Offer", "zh": "优惠"}}""".formatted(UUID.randomUUID(), name, weeklyCap, awayFrom(), awayFrom(1)));
        drain();
        return campaign;
    }

    private UUID messageOf(UUID campaign, String chat) {
        return jdbc.sql("SELECT message_id FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(campaign, chat)
                .query(UUID.class)
                .single();
    }

    /**
     * Issue 17, 3.19: an application a recipient starts after the campaign reached her is its
     * conversion, once per product; a customer the campaign did not reach converts nothing.
     */
    @Test
    void anApplicationStartedAfterTheCampaignIsItsConversionOnce() {
        Member nadia = member("Nadia Niu", Language.ZH);
        Member elsewhere = member("Rita Romanova", Language.RU); // outside every segment here
        for (Member m : List.of(nadia, elsewhere)) {
            AccountId wallet = new AccountId(UUID.randomUUID());
            ledger.open(new NewAccount(
                    wallet,
                    EUR,
                    m.customer.ownerRef(),
                    AccountKind.CUSTOMER_WALLET,
                    Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
            assertThat(directory.holdAccount(m.customer, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        }
        UUID campaign = sentToChineseReaders("Loans", 50);
        assertThat(status(campaign, nadia.chat)).isEqualTo("sent");
        for (Member m : List.of(nadia, nadia, elsewhere)) {
            assertThat(applications.start(
                            new org.socialbank.applications.ApplicationId(UUID.randomUUID()),
                            m.customer,
                            org.socialbank.applications.Product.LOAN,
                            "webchat"))
                    .isInstanceOf(org.socialbank.applications.Applications.Started.class);
        }
        JsonNode conversions =
                api.get("/api/v1/campaigns/" + campaign + "/stats").json().path("conversions");
        assertThat(conversions.path("A").path("application:loan").asLong())
                .as("Nadia's, once")
                .isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/stats.csv").body())
                .contains("A,application:loan,1");
    }

    @Test
    void anAbSplitWithAControlGroupIsCountedPerVariantAndExportedAsCsv() {
        for (int i = 0; i < 40; i++) {
            String chat = "web-" + UUID.randomUUID();
            identities.identify(Network.WEBCHAT, chat, null, null);
            consent(chat);
        }
        UUID id = approved("""
                {"id": "%s", "name": "Card offer", "channel": "webchat", "controlPercent": 20, "weeklyCap": 50,
                 "quietHours": {"from": "%s", "to": "%s"},
                 "texts": {"en": "A: a card with no fees."}, "textsB": {"en": "B: no fees, ever, on this card."}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats").json().path("states");
        long a = stats.path("A").path("sent").asLong();
        long b = stats.path("B").path("sent").asLong();
        long control = stats.path("control").path("control").asLong();
        assertThat(a + b + control)
                .as("every consenting webchat account of this and earlier tests")
                .isGreaterThanOrEqualTo(40);
        assertThat(a).isPositive();
        assertThat(b).isPositive();
        assertThat(control).as("about a fifth held back, told nothing").isPositive();
        Api.Response csv = api.get("/api/v1/campaigns/" + id + "/stats.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("variant,state,count\n")
                .contains("A,sent," + a)
                .contains("B,sent," + b)
                .contains("control,control," + control);
    }

    @Test
    @DisplayName("review 2026-12-07 console #7: the console report's CSV link answers campaign managers, not 401")
    void theConsoleReportLinksItsStatisticsAsCsvUnderTheConsolesSession() throws Exception {
        for (int i = 0; i < 3; i++) {
            String chat = "web-" + UUID.randomUUID();
            identities.identify(Network.WEBCHAT, chat, null, null);
            consent(chat);
        }
        UUID id = approved("""
                {"id": "%s", "name": "Csv offer", "channel": "webchat", "weeklyCap": 50,
                 "quietHours": {"from": "%s", "to": "%s"}, "texts": {"en": "A card with no fees."}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        org.socialbank.console.ConsoleStaff staff = new org.socialbank.console.ConsoleStaff(staffAccounts, clock);
        org.socialbank.support.FormClient manager = staff.signedIn(port, org.socialbank.console.Role.CAMPAIGN_MANAGER);
        String csv = "/console/campaigns/" + id + "/stats.csv";
        assertThat(manager.get("/console/campaigns/" + id).html()).contains("href=\"" + csv + "\"");

        java.net.http.HttpResponse<String> export = java.net.http.HttpClient.newBuilder()
                .cookieHandler(manager.cookies())
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + csv))
                                .GET()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(export.body())
                .as("the API's CSV")
                .isEqualTo(api.get("/api/v1/campaigns/" + id + "/stats.csv").body())
                .startsWith("variant,state,count\n");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE what = 'campaign.exported' AND subject = ?")
                        .param("campaign:" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        for (org.socialbank.console.Role refused : List.of(
                org.socialbank.console.Role.AUDITOR,
                org.socialbank.console.Role.AGENT,
                org.socialbank.console.Role.ADMIN)) {
            assertThat(staff.signedIn(port, refused).get(csv).status())
                    .as(refused.name())
                    .isEqualTo(403);
        }
        assertThat(manager.get("/console/campaigns/" + UUID.randomUUID() + "/stats.csv")
                        .status())
                .isEqualTo(404);
        assertThat(manager.get("/console/campaigns/not-an-id/stats.csv").status())
                .isEqualTo(404);
    }

    @Test
    void aScheduledCampaignWaitsForItsLocalTimePausesResumesAndCountsDeliveriesAndClicks() throws Exception {
        // languages of their own in each test, so that one test's members fall outside another's segments
        Member zoe = member("Zhao Lei", Language.ZH);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai"); // her language's zone: her alert settings are the defaults
        java.time.LocalDateTime later =
                java.time.LocalDateTime.now(shanghai).plusHours(2).withSecond(0).withNano(0);
        UUID id = approved("""
                {"id": "%s", "name": "Livret", "channel": "webchat", "weeklyCap": 50, "sendAt": "%s",
                 "link": "https://bank.example/livret?from=chat", "segment": {"languages": ["zh"]},
                 "quietHours": {"from": "%s", "to": "%s"}, "texts": {"en": "Savings.", "zh": "储蓄利率3%%。"}}""".formatted(UUID.randomUUID(), later, awayFrom(), awayFrom(1)));
        drain();
        assertThat(status(id, zoe.chat)).as("held until her local time").isEqualTo("queued");
        assertThat(jdbc.sql("SELECT not_before FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                        .params(id, zoe.chat)
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(later.atZone(shanghai).toInstant());
        assertThat(outbox(zoe.identity)).isEmpty();

        // paused, its time comes and goes: nothing is sent until it is resumed
        assertThat(approver.post("/api/v1/campaigns/" + id + "/pause", "")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("paused");
        assertThat(approver.post("/api/v1/campaigns/" + id + "/pause", "").code())
                .isEqualTo("not_running");
        jdbc.sql("UPDATE campaign_recipients SET not_before = ? WHERE campaign_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), id)
                .update();
        jdbc.sql("UPDATE campaigns SET send_at = ? WHERE id = ?")
                .params(
                        java.time.LocalDateTime.now(shanghai)
                                .minusMinutes(1)
                                .withSecond(0)
                                .withNano(0)
                                .toString(),
                        id)
                .update();
        drain();
        assertThat(status(id, zoe.chat)).isEqualTo("queued");
        assertThat(approver.post("/api/v1/campaigns/" + id + "/resume", "")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("sending");
        drain();
        assertThat(status(id, zoe.chat)).isEqualTo("sent");

        // her own tracked link in the message; a press is counted and sends her on
        String token = jdbc.sql(
                        "SELECT link_token FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(id, zoe.chat)
                .query(String.class)
                .single();
        assertThat(outbox(zoe.identity))
                .singleElement()
                .asString()
                .contains("储蓄利率3%")
                .as("its link sealed at rest, as every link in the outbox")
                .contains("{gcm1:");
        java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient(); // follows no redirect
        for (int press = 0; press < 2; press++) {
            java.net.http.HttpResponse<String> followed = browser.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/c/" + token))
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(followed.statusCode()).isEqualTo(302);
            assertThat(followed.headers().firstValue("Location")).hasValue("https://bank.example/livret?from=chat");
        }
        assertThat(browser.send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("http://127.0.0.1:" + port + "/c/nobody"))
                                        .GET()
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
        JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats").json();
        assertThat(stats.path("clicks").path("A").path("recipients").asLong()).isEqualTo(1);
        assertThat(stats.path("clicks").path("A").path("clicks").asLong()).isEqualTo(2);

        // the relay hands the message to the web chat: the platform accepted it
        Await.until(
                () -> "accepted".equals(delivery(id, zoe.chat)),
                java.time.Duration.ofSeconds(60),
                "the relay's 'accepted' for the campaign's message");
        assertThat(delivery(id, zoe.chat)).isEqualTo("accepted");
        // what a platform reports later (WhatsApp's statuses come this way): the furthest state is kept
        UUID message = jdbc.sql(
                        "SELECT message_id FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(id, zoe.chat)
                .query(UUID.class)
                .single();
        deliveryReports.reached(message, "read", java.time.Instant.now());
        deliveryReports.reached(message, "delivered", java.time.Instant.now()); // late and out of order
        assertThat(delivery(id, zoe.chat)).isEqualTo("read");
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats")
                        .json()
                        .path("delivery")
                        .path("A")
                        .path("read")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats.csv").body())
                .contains("A,read,1\n")
                .contains("variant,clicks,count\nA,clicks,2\nA,recipients,1\n");
    }

    @Test
    void aBillPaidAfterTheOfferEarnsItsCashbackOncePerCustomerThroughTheLedger() {
        Member mia = member("Mina Mohammadi", Language.FA);
        Member noa = member("Nasrin Nazari", Language.FA);
        AccountId miaWallet = wallet(mia.customer());
        AccountId noaWallet = wallet(noa.customer());
        AccountId biller = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(biller, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        post(biller, miaWallet, 10_000, "p2p"); // money to pay bills with
        post(biller, noaWallet, 10_000, "p2p");
        post(noaWallet, biller, 1_000, "bill"); // Noa paid a bill before any offer: it earns nothing
        UUID id = approved("""
                {"id": "%s", "name": "Bills in chat", "channel": "webchat", "weeklyCap": 50,
                 "segment": {"languages": ["fa"]}, "quietHours": {"from": "%s", "to": "%s"},
                 "reward": {"action": "bill", "amountMinor": 500, "currency": "EUR", "withinDays": 30},
                 "texts": {"en": "5 EUR back on your first bill.", "fa": "۵ یورو بازگشت روی نخستین قبض شما."}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        assertThat(api.get("/api/v1/campaigns/" + id)
                        .json()
                        .path("reward")
                        .path("action")
                        .asString())
                .isEqualTo("bill");
        drain();
        assertThat(status(id, mia.chat)).isEqualTo("sent");
        followRewards();
        assertThat(balance(noaWallet)).as("her bill came before the message").isEqualTo(9_000);

        post(miaWallet, biller, 2_000, "bill");
        post(miaWallet, biller, 3_000, "bill"); // a second bill: once per customer
        post(miaWallet, biller, 100, "p2p"); // not the action
        followRewards();
        assertThat(balance(miaWallet)).isEqualTo(10_000 - 2_000 - 3_000 - 100 + 500);
        // the journal read again from where rewards began: nothing twice (derived id, campaign_rewards' key)
        jdbc.sql("UPDATE campaign_reward_cursor SET last_sequence = 0").update();
        followRewards();
        assertThat(balance(miaWallet)).isEqualTo(5_400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign_rewards WHERE campaign_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats")
                        .json()
                        .path("rewards")
                        .asLong())
                .isEqualTo(1);
        String bad = """
                {"id": "%s", "name": "Bad reward", "reward": {"action": "bill", "amountMinor": 0, "currency": "EUR",
                 "withinDays": 30}, "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", bad).code()).isEqualTo("reward_invalid");
    }

    @Test
    @DisplayName(
            "review 2026-12-07 campaigns follow-up: the 101st reward campaign still pays, one whose window ended is no longer read")
    void everyRewardCampaignWhoseWindowIsOpenIsFollowedHoweverMany() {
        long seed = System.nanoTime();
        java.util.random.RandomGenerator random = new java.util.Random(seed);
        int older = 101 + random.nextInt(80); // more than one page of offers, all older than hers
        List<UUID> seeded = new java.util.ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < older; i++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO campaigns (id, name, status, created_by, approved_by, created_at, approved_at, "
                            + "reward_action, reward_amount_minor, reward_currency, reward_days) "
                            + "VALUES (?, ?, 'sending', 'ana', 'ben', ?, ?, 'bill', 100, 'EUR', 30)")
                    .params(id, "Older " + i, now.minusDays(1 + random.nextInt(20)), now.minusDays(1))
                    .update();
            seeded.add(id);
        }
        try {
            // their messages went out days ago: their windows are still open
            jdbc.sql("UPDATE campaigns SET reward_until = :until WHERE id IN (:ids)")
                    .param("until", now.plusDays(20))
                    .param("ids", seeded)
                    .update();
            Member lea = member("Leila Lotfi", Language.FA);
            AccountId wallet = wallet(lea.customer());
            AccountId biller = new AccountId(UUID.randomUUID());
            ledger.open(new NewAccount(biller, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
            post(biller, wallet, 10_000, "p2p");
            UUID id = approved("""
                    {"id": "%s", "name": "The 101st", "channel": "webchat", "weeklyCap": 50,
                     "segment": {"languages": ["fa"]}, "quietHours": {"from": "%s", "to": "%s"},
                     "reward": {"action": "bill", "amountMinor": 700, "currency": "EUR", "withinDays": 30},
                     "texts": {"en": "7 EUR back on your first bill.", "fa": "۷ یورو بازگشت روی نخستین قبض شما."}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
            drain();
            assertThat(status(id, lea.chat)).isEqualTo("sent");
            post(wallet, biller, 2_000, "bill");
            followRewards();
            assertThat(balance(wallet))
                    .as("seed %d: %d older reward campaigns, hers is the %dth", seed, older, older + 1)
                    .isEqualTo(10_000 - 2_000 + 700);

            // windows that ended before the postings are never read again
            jdbc.sql("UPDATE campaigns SET reward_until = :until WHERE id IN (:ids)")
                    .param("until", now.minusDays(1))
                    .param("ids", seeded)
                    .update();
            List<UUID> read = rewardStore.offers(Set.of("bill"), now.toInstant(), null, 1_000).stream()
                    .map(JdbcRewards.Offer::campaignId)
                    .toList();
            assertThat(read).as("seed %d", seed).contains(id).doesNotContainAnyElementsOf(seeded);
        } finally {
            jdbc.sql("UPDATE campaigns SET reward_until = :until WHERE id IN (:ids)")
                    .param("until", now.minusDays(1))
                    .param("ids", seeded)
                    .update();
        }
    }

    @Test
    void aSegmentByProductBalanceAndLastActivityIsReadFromTheLedgerAtSendingTime() {
        Member rich = member("Rose Riche", Language.RU);
        Member poor = member("Paul Pauvre", Language.RU);
        Member none = member("Nina Nul", Language.RU); // holds nothing
        AccountId richWallet = wallet(rich.customer());
        AccountId poorWallet = wallet(poor.customer());
        AccountId bank = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(bank, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        post(bank, richWallet, 50_000, "p2p");
        post(bank, poorWallet, 2_000, "p2p");
        String body = """
                {"id": "%s", "name": "Premium", "channel": "webchat", "weeklyCap": 50,
                 "quietHours": {"from": "%s", "to": "%s"}, "texts": {"en": "Premium savings.", "ru": "Премиальные сбережения."},
                 "segment": {"languages": ["ru"], "products": ["customer_wallet"],
                             "balance": {"currency": "EUR", "minMinor": 10000}, "lastActivity": {"%s": 30}}}""";
        UUID active = approved(body.formatted(UUID.randomUUID(), awayFrom(), awayFrom(1), "withinDays"));
        drain();
        assertThat(status(active, rich.chat)).isEqualTo("sent");
        assertThat(status(active, poor.chat)).as("below the band").isEqualTo("excluded");
        assertThat(status(active, none.chat)).as("no product").isEqualTo("excluded");
        assertThat(api.get("/api/v1/campaigns/" + active)
                        .json()
                        .path("segment")
                        .path("balance")
                        .path("minMinor")
                        .asLong())
                .isEqualTo(10_000);
        UUID dormant = approved(body.formatted(UUID.randomUUID(), awayFrom(), awayFrom(1), "notWithinDays"));
        drain();
        assertThat(status(dormant, rich.chat)).as("she was active today").isEqualTo("excluded");
        String bad = """
                {"id": "%s", "name": "Bad", "segment": {"products": ["escrow"]}, "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", bad).code()).isEqualTo("segment_invalid");
    }

    /** Issue 17 3.6: buttons of the staff's own, on the message, and each press counted for its button. */
    @Test
    void aCampaignsOwnButtonsReachTheChatAndEachPressIsCountedForItsButton() throws Exception {
        // Chinese readers, as this class's session-8 tests: outside the first test's counted segments
        Member bea = member("Bai Bing", Language.ZH);
        UUID id = approved("""
                {"id": "%s", "name": "Rates", "channel": "webchat", "weeklyCap": 50,
                 "segment": {"languages": ["zh"]}, "quietHours": {"from": "%s", "to": "%s"},
                 "buttons": [{"labels": {"en": "See rates", "zh": "查看利率"}, "url": "https://bank.example/rates"},
                             {"labels": {"en": "My balance", "zh": "查看余额"}, "action": "balance"}],
                 "texts": {"en": "New savings rates this week.", "zh": "本周储蓄新利率。"}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        assertThat(api.get("/api/v1/campaigns/" + id)
                        .json()
                        .path("buttons")
                        .path(1)
                        .path("action")
                        .asString())
                .isEqualTo("balance");
        drain();
        assertThat(outbox(bea.identity))
                .singleElement()
                .asString()
                .contains("查看利率: ")
                .contains("查看余额")
                .contains("退订优惠");
        String token = jdbc.sql(
                        "SELECT link_token FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(id, bea.chat)
                .query(String.class)
                .single();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient(); // follows no redirect
        for (int press = 0; press < 2; press++) {
            java.net.http.HttpResponse<String> followed = open(browser, "/c/" + token + "/1");
            assertThat(followed.statusCode()).isEqualTo(302);
            assertThat(followed.headers().firstValue("Location")).hasValue("https://bank.example/rates");
        }
        assertThat(open(browser, "/c/" + token + "/2").statusCode())
                .as("an action button opens no address")
                .isEqualTo(404);
        assertThat(open(browser, "/c/" + token).statusCode())
                .as("the campaign has no link of its own")
                .isEqualTo(404);

        String balance = jdbc.sql("SELECT reference FROM button_refs WHERE identity_id = ? AND action LIKE ?")
                .params(bea.identity.value(), "%campaign.button:" + id + ":2:balance%")
                .query(String.class)
                .single();
        org.socialbank.conversation.Received pressed = conversations.receive(new InboundMessage(
                Network.WEBCHAT, "m-" + UUID.randomUUID(), bea.chat, null, null, new Inbound.Button(balance)));
        assertThat(((org.socialbank.conversation.Received.Handled) pressed).replies())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.content().toString()).doesNotContain("out of date"));
        JsonNode buttons = api.get("/api/v1/campaigns/" + id + "/stats")
                .json()
                .path("buttons")
                .path("A");
        assertThat(buttons.path("1.clicks").asLong()).isEqualTo(2);
        assertThat(buttons.path("1.recipients").asLong()).isEqualTo(1);
        assertThat(buttons.path("2.clicks").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats.csv").body()).contains("A,1.clicks,2\n");

        // the campaign managers' report in the console shows each button with its presses
        org.socialbank.console.ConsoleStaff staff = new org.socialbank.console.ConsoleStaff(staffAccounts, clock);
        org.socialbank.support.FormClient manager = staff.signedIn(port, org.socialbank.console.Role.CAMPAIGN_MANAGER);
        org.socialbank.support.FormClient.Page report = manager.get("/console/campaigns/" + id);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.html())
                .contains("See rates")
                .contains("https://bank.example/rates")
                .containsPattern(
                        "data-position=\"1\">\\s*<td class=\"num\">1</td>[\\s\\S]*?<td class=\"num\">1</td>\\s*<td class=\"num\">2</td>");
        assertThat(manager.get("/console/campaigns/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(staff.signedIn(port, org.socialbank.console.Role.AUDITOR)
                        .get("/console/campaigns/" + id)
                        .status())
                .isEqualTo(403);
    }

    /** Issue 17 3.6: bad buttons are problems with a code, against the network's limits. */
    @Test
    void badButtonsAreRefusedAgainstTheNetworksLimits() {
        String body = """
                {"id": "%s", "name": "Buttons", "channel": "%s", "texts": {"en": "Hello"}, "buttons": %s}""";
        String one = "{\"labels\": {\"en\": \"%s\"}, \"action\": \"balance\"}";
        String four = "[" + String.join(",", java.util.Collections.nCopies(4, one.formatted("Balance"))) + "]";
        assertThat(api.post("/api/v1/campaigns", body.formatted(UUID.randomUUID(), "telegram", four))
                        .code())
                .isEqualTo("buttons_too_many");
        String long25 = "[" + one.formatted("Your balance, right here") + "]";
        assertThat(api.post("/api/v1/campaigns", body.formatted(UUID.randomUUID(), "whatsapp", long25))
                        .code())
                .as("WhatsApp's reply buttons hold 20 characters")
                .isEqualTo("button_label_invalid");
        assertThat(api.post("/api/v1/campaigns", body.formatted(UUID.randomUUID(), "telegram", long25))
                        .status())
                .isEqualTo(201);
        String http = "[{\"labels\": {\"en\": \"Rates\"}, \"url\": \"http://bank.example/rates\"}]";
        assertThat(api.post("/api/v1/campaigns", body.formatted(UUID.randomUUID(), "telegram", http))
                        .code())
                .isEqualTo("button_link_invalid");
        String unknown = "[{\"labels\": {\"en\": \"Send all\"}, \"action\": \"send everything\"}]";
        assertThat(api.post("/api/v1/campaigns", body.formatted(UUID.randomUUID(), "telegram", unknown))
                        .code())
                .isEqualTo("button_action_unknown");
    }

    /** Issue 17 3.17: points through the loyalty book, once per customer however the journal is read, and told in chat. */
    @Test
    void aBillPaidAfterTheOfferEarnsItsPointsOnceThroughTheLoyaltyBookAndIsTold() throws Exception {
        Member paz = member("Pavel Petrov", Language.RU);
        AccountId wallet = wallet(paz.customer());
        AccountId biller = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(biller, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        post(biller, wallet, 10_000, "p2p");
        UUID id = approved("""
                {"id": "%s", "name": "Points for bills", "channel": "webchat", "weeklyCap": 50,
                 "segment": {"languages": ["ru"]}, "quietHours": {"from": "%s", "to": "%s"},
                 "reward": {"action": "bill", "points": 250, "withinDays": 30},
                 "texts": {"en": "250 points on your first bill.", "ru": "250 баллов за первый оплаченный счёт."}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        assertThat(api.get("/api/v1/campaigns/" + id)
                        .json()
                        .path("reward")
                        .path("points")
                        .asLong())
                .isEqualTo(250);
        drain();
        post(wallet, biller, 2_000, "bill");
        post(wallet, biller, 1_000, "bill"); // once per customer
        followRewards();
        assertThat(pointsOf(paz.customer())).isEqualTo(250);
        assertThat(balance(wallet)).as("points, not a cashback").isEqualTo(7_000);
        // the journal read again, by two followers at once: nothing twice
        jdbc.sql("UPDATE campaign_reward_cursor SET last_sequence = 0").update();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<?>> rounds = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                rounds.add(two.submit(this::followRewards));
            }
            for (java.util.concurrent.Future<?> round : rounds) {
                round.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(pointsOf(paz.customer())).isEqualTo(250);
        assertThat(outbox(paz.identity))
                .as("the offer, then his points in Russian")
                .hasSize(2)
                .last()
                .asString()
                .contains("Начислены баллы по нашему предложению: 250");
        String both = """
                {"id": "%s", "name": "Both", "reward": {"action": "bill", "points": 10, "amountMinor": 100,
                 "currency": "EUR", "withinDays": 30}, "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", both).code()).isEqualTo("reward_invalid");
    }

    /**
     * Issue 17 3.17: a recipient who brings a new customer (her link's ref, recorded by the bank) earns
     * the reward when the new customer pays a first bill, and the new customer too; never oneself,
     * never a customer from before, once per new customer, at most the cap per referrer.
     */
    @Test
    void aReferralRewardsTheRecipientAndTheNewCustomerOnceWithinTheGuards() throws Exception {
        Member oldie = member("Ou Lao", Language.ZH); // a customer before the invitation
        Member rita = member("Ren Rui", Language.ZH);
        Member sam = member("Song Shan", Language.ZH);
        UUID id = approved("""
                {"id": "%s", "name": "Invite a friend", "channel": "webchat", "weeklyCap": 50,
                 "segment": {"languages": ["zh"]}, "quietHours": {"from": "%s", "to": "%s"},
                 "link": "https://bank.example/open",
                 "reward": {"action": "bill", "points": 300, "withinDays": 30,
                            "referral": {"refereeToo": true, "perReferrerMax": 1}},
                 "texts": {"en": "Bring a friend: 300 points each.", "zh": "邀请朋友：每人300积分。"}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        String ritas = tokenOf(id, rita.chat);
        java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient();
        assertThat(open(browser, "/c/" + ritas).headers().firstValue("Location"))
                .as("the bank's page learns whose link it was")
                .hasValue("https://bank.example/open?ref=" + ritas);
        Thread.sleep(5); // the new customers join after the message
        Member nina = member("Niu Na", Language.ZH);
        Member nora = member("Niu Nuo", Language.ZH);

        assertThat(refer(id, "nobody", nina.customer()).code()).isEqualTo("code_unknown");
        assertThat(refer(id, ritas, rita.customer()).code()).isEqualTo("self_referral");
        assertThat(refer(id, ritas, oldie.customer()).code()).isEqualTo("not_new");
        assertThat(refer(id, ritas, nina.customer()).status()).isEqualTo(201);
        assertThat(refer(id, ritas, nina.customer()).status()).as("a replay").isEqualTo(200);
        assertThat(refer(id, tokenOf(id, sam.chat), nina.customer()).code()).isEqualTo("already_referred");
        assertThat(refer(id, ritas, nora.customer()).code())
                .as("one per referrer here")
                .isEqualTo("referrals_max");

        AccountId wallet = wallet(nina.customer());
        AccountId biller = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(biller, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        post(biller, wallet, 10_000, "p2p");
        followRewards();
        assertThat(pointsOf(rita.customer())).isZero();
        post(wallet, biller, 2_000, "bill");
        post(wallet, biller, 1_000, "bill");
        followRewards();
        jdbc.sql("UPDATE campaign_reward_cursor SET last_sequence = 0").update();
        followRewards();
        assertThat(pointsOf(rita.customer())).isEqualTo(300);
        assertThat(pointsOf(nina.customer()))
                .as("the campaign rewards the new customer too")
                .isEqualTo(300);
        assertThat(pointsOf(sam.customer())).isZero();
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats")
                        .json()
                        .path("rewards")
                        .asLong())
                .isEqualTo(1);
        assertThat(outbox(rita.identity)).last().asString().contains("300").contains("积分");
    }

    private Api.Response refer(UUID campaign, String code, CustomerId customer) {
        return api.post(
                "/api/v1/campaigns/" + campaign + "/referrals",
                "{\"code\": \"%s\", \"customerId\": \"%s\"}".formatted(code, customer.value()));
    }

    private String tokenOf(UUID campaign, String chat) {
        return jdbc.sql("SELECT link_token FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(campaign, chat)
                .query(String.class)
                .single();
    }

    private long pointsOf(CustomerId customer) {
        return points.summary(customer, 1).orElseThrow().balance();
    }

    private java.net.http.HttpResponse<String> open(java.net.http.HttpClient browser, String path) throws Exception {
        return browser.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private void followRewards() {
        for (int round = 0; round < 100 && rewards.follow() > 0; round++) {
            // each round takes one batch of the journal
        }
    }

    private AccountId wallet(CustomerId customer) {
        return wallet(customer, EUR);
    }

    private AccountId wallet(CustomerId customer, CurrencyCode currency) {
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                currency,
                customer.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(customer, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        return wallet;
    }

    private void post(AccountId debit, AccountId credit, long amountMinor, String code) {
        assertThat(ledger.transfer(
                        NewTransfer.posted(new TransferId(UUID.randomUUID()), debit, credit, amountMinor, EUR, code)))
                .isInstanceOf(TransferResult.Posted.class);
    }

    private long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }

    @Test
    void aCampaignsTokenDefinesAndOthersCannotAndBadSchedulesOrLinksAreRefused() {
        Api reader = new Api("http://127.0.0.1:" + port, READER);
        String body = """
                {"id": "%s", "name": "Scopes", "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(reader.post("/api/v1/campaigns", body).status())
                .as("campaigns:read only")
                .isEqualTo(403);
        assertThat(approver.post("/api/v1/campaigns", body).status()).isEqualTo(201);
        String later = """
                {"id": "%s", "name": "Later", "sendAt": "tomorrow", "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", later).code()).isEqualTo("send_at_invalid");
        String link = """
                {"id": "%s", "name": "Link", "link": "http://bank.example", "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", link).code()).isEqualTo("link_invalid");
    }

    @Test
    void aPublicNetworkAndBadRulesAreRefused() {
        String x = """
                {"id": "%s", "name": "On X", "channel": "x", "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", x).code()).isEqualTo("channel_public");
        String cap = """
                {"id": "%s", "name": "Too many", "weeklyCap": 99, "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", cap).code()).isEqualTo("weekly_cap_invalid");
        String segment = """
                {"id": "%s", "name": "Klingon", "segment": {"languages": ["tlh"]}, "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", segment).code()).isEqualTo("segment_invalid");
    }

    static final String FOLLOW_UP = " (review 2026-12-07 campaigns follow-up)";

    /** Holds a sending round at its first message of one campaign until the test releases it. */
    static class HeldRound {

        private volatile UUID campaign;
        private volatile java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        private volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        /** Holds the next round's first message of this campaign. */
        void hold(UUID campaign) {
            entered = new java.util.concurrent.CountDownLatch(1);
            release = new java.util.concurrent.CountDownLatch(1);
            this.campaign = campaign;
        }

        @org.springframework.context.event.EventListener
        void on(CampaignMessageDue due) throws InterruptedException {
            if (due.campaignId().equals(campaign)) {
                campaign = null;
                entered.countDown();
                assertThat(release.await(20, java.util.concurrent.TimeUnit.SECONDS))
                        .isTrue();
            }
        }
    }

    @org.springframework.boot.test.context.TestConfiguration
    static class HeldRounds {

        @org.springframework.context.annotation.Bean
        HeldRound heldRound() {
            return new HeldRound();
        }
    }

    @Autowired
    HeldRound held;

    @Test
    @DisplayName("a customer's two linked chats get one message of a campaign, both in her one group, under a cap of 2"
            + FOLLOW_UP)
    void aCustomersLinkedChatsGetTheCampaignOnceInOneGroup() {
        Member mei = member("Mai Mei", Language.ZH);
        String secondChat = "web-" + UUID.randomUUID();
        IdentityId second = linkedChat(mei.customer, secondChat);
        UUID campaign = approved("""
                {"id": "%s", "name": "Once per customer", "channel": "webchat", "weeklyCap": 2,
                 "quietHours": {"from": "%s", "to": "%s"}, "segment": {"languages": ["zh"]},
                 "texts": {"en": "Offer A", "zh": "优惠 A"}, "textsB": {"en": "Offer B", "zh": "优惠 B"}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        assertThat(outbox(mei.identity).size() + outbox(second).size())
                .as("one message for her two chats")
                .isEqualTo(1);
        assertThat(List.of(status(campaign, mei.chat), status(campaign, secondChat)))
                .containsExactlyInAnyOrder("sent", "excluded");
        assertThat(jdbc.sql("SELECT DISTINCT variant FROM campaign_recipients WHERE campaign_id = ? "
                                + "AND external_user_id IN (?, ?)")
                        .params(campaign, mei.chat, secondChat)
                        .query(String.class)
                        .list())
                .as("her group is drawn from her, not from each chat")
                .singleElement()
                .isEqualTo(new CampaignRules(2, null, null, Set.of(), Set.of(), 0)
                        .variantOf(campaign, "customer", mei.customer.value().toString(), true));
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/stats")
                        .json()
                        .path("reasons")
                        .toString())
                .contains("\"duplicate_customer\":1");
    }

    private IdentityId linkedChat(CustomerId customer, String chat) {
        IdentityId identity =
                identities.identify(Network.WEBCHAT, chat, null, null).id();
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(customer.value(), OffsetDateTime.now(ZoneOffset.UTC), identity.value())
                .update();
        consent(chat);
        return identity;
    }

    @Test
    @DisplayName(
            "a pause asked while a round is sending waits for it: nothing is sent after the pause answers" + FOLLOW_UP)
    void aPauseAskedDuringARoundStopsTheCampaignWhenItAnswers() throws Exception {
        for (int i = 0; i < 3; i++) {
            member("Pause Pei " + i, Language.ZH);
        }
        UUID campaign = approved("""
                {"id": "%s", "name": "Paused mid-round", "channel": "webchat", "weeklyCap": 50,
                 "quietHours": {"from": "%s", "to": "%s"}, "segment": {"languages": ["zh"]},
                 "texts": {"en": "Offer", "zh": "优惠"}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        held.hold(campaign);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> round = threads.submit(sender::sendRound);
            assertThat(held.entered.await(20, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            java.util.concurrent.Future<Long> sentWhenPaused = threads.submit(() -> {
                assertThat(approver.post("/api/v1/campaigns/" + campaign + "/pause", "")
                                .status())
                        .isEqualTo(200);
                return sent(campaign);
            });
            Thread.sleep(300); // the pause reaches the campaign while the round is held
            held.release.countDown();
            long paused = sentWhenPaused.get(20, java.util.concurrent.TimeUnit.SECONDS);
            round.get(20, java.util.concurrent.TimeUnit.SECONDS);
            drain();
            assertThat(sent(campaign)).as("sent after the pause answered").isEqualTo(paused);
        } finally {
            threads.shutdownNow();
        }
    }

    private long sent(UUID campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = ? AND status = 'sent'")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    @Test
    @DisplayName("defining, approving, pausing and resuming are audited with the API client; its creator cannot approve"
            + FOLLOW_UP)
    void eachActionOnACampaignIsAuditedWithItsClient() {
        Api.Response defined = api.post("/api/v1/campaigns", """
                {"id": "%s", "name": "Audited", "channel": "webchat", "texts": {"en": "Hello"}}""".formatted(UUID.randomUUID()));
        UUID id = UUID.fromString(defined.json().path("id").asString());
        assertThat(api.post("/api/v1/campaigns/" + id + "/approve", "").code())
                .as("four eyes")
                .isEqualTo("four_eyes");
        assertThat(approver.post("/api/v1/campaigns/" + id + "/approve", "").status())
                .isEqualTo(200);
        assertThat(approver.post("/api/v1/campaigns/" + id + "/pause", "").status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/campaigns/" + id + "/resume", "").status()).isEqualTo(200);
        Api reader = new Api("http://127.0.0.1:" + port, READER);
        Api.Response audit = reader.get("/api/v1/campaigns/" + id + "/audit");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<String> rows = new java.util.ArrayList<>();
        audit.json()
                .path("entries")
                .forEach(e -> rows.add(e.path("action").asString() + " by "
                        + e.path("clientName").asString() + " "
                        + e.path("client").asString().startsWith("token:")));
        assertThat(rows)
                .containsExactly(
                        "defined by socialbank.api.tokens true",
                        "approved by approver true",
                        "paused by approver true",
                        "resumed by socialbank.api.tokens true");
        assertThat(reader.get("/api/v1/campaigns/" + UUID.randomUUID() + "/audit")
                        .code())
                .isEqualTo("campaign_not_found");
        String report = new org.socialbank.console.ConsoleStaff(staffAccounts, clock)
                .signedIn(port, org.socialbank.console.Role.CAMPAIGN_MANAGER)
                .get("/console/campaigns/" + id)
                .html();
        assertThat(report).as("the console's report shows the audit").contains("data-action=\"paused\"");
        assertThat(report).contains("approver token:");
    }

    @Test
    @DisplayName("a control-group customer who starts a loan application is the control's conversion" + FOLLOW_UP)
    void aControlCustomersApplicationIsTheControlsConversion() {
        Member chen = member("Chen Cong", Language.ZH);
        wallet(chen.customer()); // a loan application needs an account
        UUID id = UUID.randomUUID();
        CampaignRules half = new CampaignRules(50, null, null, Set.of(), Set.of(), 50);
        for (int tries = 0;
                tries < 200
                        && !half.variantOf(id, "customer", chen.customer.value().toString(), false)
                                .equals("control");
                tries++) {
            id = UUID.randomUUID(); // half land in the control: a handful of tries at most
        }
        approved("""
                {"id": "%s", "name": "Loans, measured", "channel": "webchat", "weeklyCap": 50, "controlPercent": 50,
                 "quietHours": {"from": "%s", "to": "%s"}, "segment": {"languages": ["zh"]},
                 "texts": {"en": "Loan", "zh": "贷款"}}""".formatted(id, awayFrom(), awayFrom(1)));
        drain();
        assertThat(status(id, chen.chat)).isEqualTo("control");
        assertThat(outbox(chen.identity)).isEmpty();
        assertThat(applications.start(
                        new org.socialbank.applications.ApplicationId(UUID.randomUUID()),
                        chen.customer,
                        org.socialbank.applications.Product.LOAN,
                        "webchat"))
                .isInstanceOf(org.socialbank.applications.Applications.Started.class);
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats")
                        .json()
                        .path("conversions")
                        .path("control")
                        .path("application:loan")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    @DisplayName(
            "a referral whose referrer has no account in the reward's currency is refused, not rewarded" + FOLLOW_UP)
    void aReferralRewardTheLedgerCannotBookIsRefusedNotCounted() throws Exception {
        Member rui = member("Rui Ren", Language.ZH); // no EUR account
        UUID id = approved("""
                {"id": "%s", "name": "Invite, in euros", "channel": "webchat", "weeklyCap": 50,
                 "segment": {"languages": ["zh"]}, "quietHours": {"from": "%s", "to": "%s"},
                 "link": "https://bank.example/open",
                 "reward": {"action": "bill", "amountMinor": 500, "currency": "EUR", "withinDays": 30,
                            "referral": {"refereeToo": false, "perReferrerMax": 1}},
                 "texts": {"en": "Bring a friend", "zh": "邀请朋友"}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        Thread.sleep(5); // the new customer joins after the message
        Member nan = member("Nan Ning", Language.ZH);
        assertThat(refer(id, tokenOf(id, rui.chat), nan.customer()).status()).isEqualTo(201);
        AccountId wallet = wallet(nan.customer());
        AccountId biller = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(biller, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        post(biller, wallet, 10_000, "p2p");
        post(wallet, biller, 2_000, "bill");
        followRewards();
        JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats").json();
        assertThat(stats.path("rewards").asLong()).isZero();
        assertThat(stats.path("rewardsRefused").path("no_account").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats.csv").body()).contains("all,refused:no_account,1");
    }

    @Test
    @DisplayName("an unlinked chat that speaks Chinese waits for 09:00 in Shanghai and gets the Chinese text; "
            + "a reader of a language with no text gets none" + FOLLOW_UP)
    void anUnlinkedChatGetsItsOwnLanguageAndZoneAndNoTextMeansNoMessage() {
        String chat = "web-" + UUID.randomUUID();
        IdentityId identity =
                identities.identify(Network.WEBCHAT, chat, null, null).id();
        chatLanguages.choose(identity, Language.ZH);
        consent(chat);
        Member ivan = member("Ivan Ivanov", Language.RU);
        java.time.LocalDateTime nine =
                java.time.LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(9, 0);
        UUID id = approved("""
                {"id": "%s", "name": "Morning", "channel": "webchat", "weeklyCap": 50, "sendAt": "%s",
                 "quietHours": {"from": "%s", "to": "%s"},
                 "texts": {"en": "Good morning", "zh": "早上好"}}""".formatted(UUID.randomUUID(), nine, awayFrom(), awayFrom(1)));
        drain();
        assertThat(jdbc.sql("SELECT not_before FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                        .params(id, chat)
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .isEqualTo(nine.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(status(id, ivan.chat)).isEqualTo("excluded");
        jdbc.sql("UPDATE campaigns SET send_at = NULL WHERE id = ?").param(id).update();
        jdbc.sql("UPDATE campaign_recipients SET not_before = NULL WHERE campaign_id = ?")
                .param(id)
                .update();
        drain();
        assertThat(outbox(identity)).singleElement().asString().contains("早上好");
        assertThat(outbox(ivan.identity)).isEmpty();
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats")
                        .json()
                        .path("reasons")
                        .toString())
                .contains("\"no_text\"");
    }

    @Autowired
    org.socialbank.directory.ChatLanguages chatLanguages;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    @DisplayName("a recipient's cashback the ledger cannot book is counted refused with its reason, once" + FOLLOW_UP)
    void aRecipientsRefusedCashbackIsCountedRefused() {
        Member lin = member("Lin Lan", Language.ZH);
        AccountId wallet = wallet(lin.customer()); // euros only: a dollar cashback has nowhere to go
        AccountId biller = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(biller, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        post(biller, wallet, 10_000, "p2p");
        UUID id = approved("""
                {"id": "%s", "name": "Dollars back", "channel": "webchat", "weeklyCap": 50,
                 "segment": {"languages": ["zh"]}, "quietHours": {"from": "%s", "to": "%s"},
                 "reward": {"action": "bill", "amountMinor": 500, "currency": "USD", "withinDays": 30},
                 "texts": {"en": "5 USD back", "zh": "返现5美元"}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        assertThat(status(id, lin.chat)).isEqualTo("sent");
        post(wallet, biller, 2_000, "bill");
        followRewards();
        jdbc.sql("UPDATE campaign_reward_cursor SET last_sequence = 0").update(); // the journal read again
        followRewards();
        JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats").json();
        assertThat(stats.path("rewards").asLong()).isZero();
        assertThat(stats.path("rewardsRefused").path("no_account").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats.csv").body())
                .contains("all,rewards,0")
                .contains("all,refused:no_account,1");
        assertThat(balance(wallet)).isEqualTo(8_000);
    }

    @Test
    @DisplayName(
            "a referral's new customer's cashback the ledger cannot book is counted refused; her referrer's is booked"
                    + FOLLOW_UP)
    void aRefereesRefusedCashbackIsCountedRefused() throws Exception {
        Member rao = member("Rao Rong", Language.ZH);
        AccountId raoDollars = wallet(rao.customer(), CurrencyCode.of("USD"));
        UUID id = approved("""
                {"id": "%s", "name": "Invite, in dollars", "channel": "webchat", "weeklyCap": 50,
                 "segment": {"languages": ["zh"]}, "quietHours": {"from": "%s", "to": "%s"},
                 "link": "https://bank.example/open",
                 "reward": {"action": "bill", "amountMinor": 500, "currency": "USD", "withinDays": 30,
                            "referral": {"refereeToo": true, "perReferrerMax": 1}},
                 "texts": {"en": "Bring a friend", "zh": "邀请朋友"}}""".formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        Thread.sleep(5); // the new customer joins after the message
        Member niu = member("Niu Ning", Language.ZH); // euros only
        assertThat(refer(id, tokenOf(id, rao.chat), niu.customer()).status()).isEqualTo(201);
        AccountId wallet = wallet(niu.customer());
        AccountId biller = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(biller, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        post(biller, wallet, 10_000, "p2p");
        post(wallet, biller, 2_000, "bill");
        followRewards();
        assertThat(balance(raoDollars)).as("her referrer's is booked").isEqualTo(500);
        JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats").json();
        assertThat(stats.path("rewards").asLong()).isEqualTo(1);
        assertThat(stats.path("rewardsRefused").path("no_account").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + id + "/stats.csv").body()).contains("all,refused:no_account,1");
    }

    @Test
    @DisplayName(
            "a control recipient takes no message's place in a round: the round's two messages both go" + FOLLOW_UP)
    void aControlRecipientUsesNoneOfTheRoundsBudget() {
        drain(); // nothing else due
        List<Member> three = new java.util.ArrayList<>(
                List.of(member("Bu Bai", Language.ZH), member("Bu Bo", Language.ZH), member("Bu Bin", Language.ZH)));
        three.sort(java.util.Comparator.comparing(Member::chat)); // the order a round reads them in
        CampaignRules half = new CampaignRules(50, null, null, Set.of(), Set.of(), 50);
        UUID drawn = UUID.randomUUID();
        for (int tries = 0; tries < 500 && !firstOfThreeInControl(half, drawn, three); tries++) {
            drawn = UUID.randomUUID(); // one in eight ids: a few dozen tries at most
        }
        UUID id = drawn;
        approved("""
                {"id": "%s", "name": "Measured", "channel": "webchat", "weeklyCap": 50, "controlPercent": 50,
                 "quietHours": {"from": "%s", "to": "%s"}, "segment": {"languages": ["zh"]},
                 "texts": {"en": "Offer", "zh": "优惠"}}""".formatted(id, awayFrom(), awayFrom(1)));
        onlyDue(id, three.stream().map(Member::chat).toList());
        CampaignSender twoASecond = OtherNode.sender(context, 2, 500); // its first round may send two
        assertThat(twoASecond.sendRound()).isEqualTo(3);
        assertThat(three.stream().map(m -> status(id, m.chat)).toList()).containsExactly("control", "sent", "sent");
    }

    private static boolean firstOfThreeInControl(CampaignRules rules, UUID id, List<Member> three) {
        List<String> groups = three.stream()
                .map(m -> rules.variantOf(id, "customer", m.customer().value().toString(), false))
                .toList();
        return groups.equals(List.of("control", "A", "A"));
    }

    /** Holds every recipient of the campaign but these chats' (other tests' customers) for a year. */
    private void onlyDue(UUID campaign, List<String> chats) {
        jdbc.sql("UPDATE campaign_recipients SET not_before = :later WHERE campaign_id = :campaign "
                        + "AND external_user_id NOT IN (:chats)")
                .param("later", OffsetDateTime.now(ZoneOffset.UTC).plusYears(1))
                .param("campaign", campaign)
                .param("chats", chats.isEmpty() ? List.of("") : chats) // SQL has no empty IN list
                .update();
    }

    @Test
    @DisplayName("two campaigns' rounds on two nodes at once under a weekly cap of 1: the second node's round "
            + "waits for no cap holder, leaves her queued and sends the others, and a later round caps her"
            + " (reread 2026-12-08 campaigns)")
    void theWeeklyCapHoldsAcrossNodesAndCampaigns() throws Exception {
        drain(); // nothing else due
        Member mo = member("Mo Man", Language.ZH);
        Member ni = member("Ni Na", Language.ZH);
        // a round reads the campaigns in id order: the second node's round of two takes the second
        // campaign's two, and waits for none of the first one's (a row another round took is waited for)
        UUID second = offerToChineseReaders(
                new UUID(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << 32), 1L), "Second", 1);
        onlyDue(second, List.of()); // all held: the first node's round leaves it
        UUID first = offerToChineseReaders(UUID.randomUUID(), "First", 1);
        onlyDue(first, List.of(mo.chat));
        held.hold(first);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> one = nodes.submit(sender::sendRound);
            assertThat(held.entered.await(20, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue(); // the first node holds her cap holder's row, its message uncommitted
            jdbc.sql("UPDATE campaign_recipients SET not_before = NULL WHERE campaign_id = ? "
                            + "AND external_user_id IN (?, ?)")
                    .params(second, mo.chat, ni.chat)
                    .update();
            CampaignSender otherNode = OtherNode.sender(context, 10_000, 2);
            assertThat(nodes.submit(otherNode::sendRound).get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the second node's round ends while the first one holds her row: Ni's message, not hers")
                    .isEqualTo(1);
            assertThat(List.of(status(second, mo.chat), status(second, ni.chat)))
                    .containsExactly("queued", "sent");
            held.release.countDown();
            one.get(20, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(otherNode.sendRound())
                    .as("her turn, once the first round committed")
                    .isEqualTo(1);
        } finally {
            held.release.countDown();
            nodes.shutdownNow();
        }
        assertThat(List.of(status(first, mo.chat), status(second, mo.chat))).containsExactly("sent", "capped");
        assertThat(outbox(mo.identity)).hasSize(1);
    }

    @Test
    @DisplayName("a round counts none of the recipients of a campaign paused after the round chose them" + FOLLOW_UP)
    void aRoundCountsNoneOfACampaignPausedAfterItChoseThem() throws Exception {
        drain(); // nothing else due
        Member ho = member("Ho Hua", Language.ZH);
        // in id order, so that the round chooses both and reaches the held one first
        long low = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << 32);
        UUID first = offerToChineseReaders(new UUID(low, 2L), "Sent", 50);
        UUID paused = offerToChineseReaders(new UUID(low + 1, 2L), "Paused", 50);
        onlyDue(first, List.of(ho.chat));
        onlyDue(paused, List.of(ho.chat));
        held.hold(first);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> round = threads.submit(sender::sendRound);
            assertThat(held.entered.await(20, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(approver.post("/api/v1/campaigns/" + paused + "/pause", "")
                            .status())
                    .isEqualTo(200);
            held.release.countDown();
            assertThat(round.get(20, java.util.concurrent.TimeUnit.SECONDS))
                    .as("her message of the first campaign; the paused one's recipient is left queued, not counted")
                    .isEqualTo(1);
        } finally {
            held.release.countDown();
            threads.shutdownNow();
        }
        assertThat(List.of(status(first, ho.chat), status(paused, ho.chat))).containsExactly("sent", "queued");
    }

    /** A web-chat offer to Chinese readers with this id, name and weekly cap, approved. */
    private UUID offerToChineseReaders(UUID id, String name, int weeklyCap) {
        return approved("""
                {"id": "%s", "name": "%s", "channel": "webchat", "weeklyCap": %d,
                 "quietHours": {"from": "%s", "to": "%s"}, "segment": {"languages": ["zh"]},
                 "texts": {"en": "Offer", "zh": "优惠"}}""".formatted(id, name, weeklyCap, awayFrom(), awayFrom(1)));
    }

    record Member(CustomerId customer, String chat, IdentityId identity) {}

    private Member member(String name, Language language) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        assertThat(directory.register(new NewCustomer(id, name, language, KycLevel.FULL, null, null, List.of())))
                .isInstanceOf(DirectoryResult.Done.class);
        String chat = "web-" + UUID.randomUUID();
        IdentityId identity = linkedChat(id, chat);
        return new Member(id, chat, identity);
    }

    private void consent(String chat) {
        assertThat(api.post("/api/v1/consents", """
                {"channel": "webchat", "externalUserId": "%s", "purpose": "marketing",
                 "text": "Offers in this chat? Yes", "evidence": "form-%s"}""".formatted(chat, chat)).status())
                .isEqualTo(201);
    }

    private UUID approved(String body) {
        Api.Response defined = api.post("/api/v1/campaigns", body);
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        UUID id = UUID.fromString(defined.json().path("id").asString());
        Api.Response approved = approver.post("/api/v1/campaigns/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        audience.expandAll(id);
        return id;
    }

    private String status(UUID campaign, String chat) {
        return jdbc.sql("SELECT status FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(campaign, chat)
                .query(String.class)
                .single();
    }

    private void drain() {
        for (int round = 0; round < 100 && sender.sendRound() > 0; round++) {
            // rounds until nothing is due
        }
    }

    private String delivery(UUID campaign, String chat) {
        return jdbc.sql("SELECT delivery FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(campaign, chat)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
                .single()
                .orElse(null);
    }

    private List<String> outbox(IdentityId identity) {
        return jdbc.sql("SELECT payload FROM outbox_messages WHERE identity_id = ? ORDER BY created_at, id")
                .param(identity.value())
                .query(String.class)
                .list();
    }

    /** Quiet hours that hold no zone's now: they start 13 hours from now (UTC) and last an hour. */
    private static String awayFrom() {
        return awayFrom(0);
    }

    private static String awayFrom(int plusHours) {
        return hhmm(LocalTime.now(ZoneOffset.UTC).plusHours(13 + plusHours));
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
