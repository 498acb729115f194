package org.socialbank.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.Language;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Network;
import org.socialbank.directory.NewCustomer;
import org.socialbank.support.Api;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 part 3 over real HTTP on H2: a campaign reaches only its segment, in each recipient's
 * language with a one-tap "stop offers" that works, no more often than the weekly cap, never in
 * the recipient's quiet hours (held, not dropped), with an A/B split whose statistics are read as
 * JSON and CSV; a public network is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignsIntegrationTests {

    static final String APPROVER = "campaign-approver-token-0123456789";

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

    Api api;
    Api approver;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10"); // h2database#4302, as the other H2 tests
        registry.add("socialbank.alerts.follower-enabled", () -> "false");
        registry.add("socialbank.campaigns.send-interval", () -> "1h"); // the test drives the sender
        registry.add("socialbank.campaigns.messages-per-second", () -> "10000");
        registry.add("socialbank.api.clients.approver.token", () -> APPROVER);
        registry.add("socialbank.api.clients.approver.scopes", () -> "admin");
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
        assertThat(recipients.path("excluded").asLong()).as("Ivan reads Russian; the stranger is nobody known "
                + "(and the other test's accounts, when it ran first)").isGreaterThanOrEqualTo(2);
        assertThat(status(first, ivan.chat)).isEqualTo("excluded");
        assertThat(status(first, stranger)).isEqualTo("excluded");
        assertThat(outbox(ivan.identity)).isEmpty();
        assertThat(outbox(camille.identity)).singleElement().asString().contains("Semaine de l’épargne")
                .contains("ARRÊT").contains("Stop aux offres");
        assertThat(outbox(alice.identity)).singleElement().asString().contains("Savings week").contains("Stop offers");

        // a second campaign the same week: the cap of one holds
        UUID second = approved(body.formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        assertThat(api.get("/api/v1/campaigns/" + second).json().path("recipients").path("capped").asLong()).isEqualTo(2);
        assertThat(outbox(alice.identity)).hasSize(1);

        // quiet hours around now in the recipient's zone: held, not dropped
        jdbc.sql("UPDATE campaign_recipients SET updated_at = ? WHERE status = 'sent'")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minusDays(8)).update(); // a week later
        LocalTime london = LocalTime.now(ZoneId.of("Europe/London"));
        UUID third = approved(body.formatted(UUID.randomUUID(), hhmm(london.minusHours(1)), hhmm(london.plusHours(1)))
                .replace("[\"fr\", \"en\"]", "[\"en\"]"));
        drain();
        JsonNode held = api.get("/api/v1/campaigns/" + third).json().path("recipients");
        assertThat(held.path("queued").asLong()).as("Alice's quiet hours").isEqualTo(1);
        assertThat(held.path("sent").asLong()).isZero();
        jdbc.sql("UPDATE campaign_recipients SET not_before = ? WHERE campaign_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), third).update(); // they ended
        jdbc.sql("UPDATE campaigns SET quiet_from = NULL, quiet_to = NULL WHERE id = ?").param(third).update();
        drain();
        assertThat(api.get("/api/v1/campaigns/" + third).json().path("recipients").path("sent").asLong()).isEqualTo(1);

        // one tap under the message withdraws marketing on that chat and says so in her language
        String stop = jdbc.sql("SELECT reference FROM button_refs WHERE identity_id = ? AND action LIKE ?")
                .params(camille.identity.value(), "%campaign.stop:%").query(String.class).list().get(0);
        org.socialbank.conversation.Received pressed = conversations.receive(new InboundMessage(Network.WEBCHAT,
                "m-" + UUID.randomUUID(), camille.chat, null, null, new Inbound.Button(stop)));
        assertThat(((org.socialbank.conversation.Received.Handled) pressed).replies()).first()
                .extracting(m -> m.content().toString()).asString().contains("messages commerciaux");
        JsonNode consent = api.get("/api/v1/consents?channel=webchat&externalUserId=" + camille.chat).json()
                .path("consents").get(0);
        assertThat(consent.path("status").asString()).isEqualTo("withdrawn");
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
                 "texts": {"en": "A: a card with no fees."}, "textsB": {"en": "B: no fees, ever, on this card."}}"""
                .formatted(UUID.randomUUID(), awayFrom(), awayFrom(1)));
        drain();
        JsonNode stats = api.get("/api/v1/campaigns/" + id + "/stats").json().path("states");
        long a = stats.path("A").path("sent").asLong();
        long b = stats.path("B").path("sent").asLong();
        long control = stats.path("control").path("control").asLong();
        assertThat(a + b + control).as("every consenting webchat account of this and earlier tests")
                .isGreaterThanOrEqualTo(40);
        assertThat(a).isPositive();
        assertThat(b).isPositive();
        assertThat(control).as("about a fifth held back, told nothing").isPositive();
        Api.Response csv = api.get("/api/v1/campaigns/" + id + "/stats.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("variant,state,count\n").contains("A,sent," + a).contains("B,sent," + b)
                .contains("control,control," + control);
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
                {"id": "%s", "name": "Klingon", "segment": {"languages": ["tlh"]}, "texts": {"en": "Hello"}}"""
                .formatted(UUID.randomUUID());
        assertThat(api.post("/api/v1/campaigns", segment).code()).isEqualTo("segment_invalid");
    }

    record Member(CustomerId customer, String chat, IdentityId identity) {
    }

    private Member member(String name, Language language) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        assertThat(directory.register(new NewCustomer(id, name, language, KycLevel.FULL, null, null, List.of())))
                .isInstanceOf(DirectoryResult.Done.class);
        String chat = "web-" + UUID.randomUUID();
        IdentityId identity = identities.identify(Network.WEBCHAT, chat, null, null).id();
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(id.value(), OffsetDateTime.now(ZoneOffset.UTC), identity.value()).update();
        consent(chat);
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
                .params(campaign, chat).query(String.class).single();
    }

    private void drain() {
        for (int round = 0; round < 100 && sender.sendRound() > 0; round++) {
            // rounds until nothing is due
        }
    }

    private List<String> outbox(IdentityId identity) {
        return jdbc.sql("SELECT payload FROM outbox_messages WHERE identity_id = ? ORDER BY created_at, id")
                .param(identity.value()).query(String.class).list();
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
