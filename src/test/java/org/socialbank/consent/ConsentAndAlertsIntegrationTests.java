package org.socialbank.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.alerts.TransactionAlerts;
import org.socialbank.campaigns.CampaignAudience;
import org.socialbank.campaigns.CampaignSender;
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
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 over real HTTP on H2: the consents contract (GET and POST /api/v1/consents), a STOP
 * typed in the web chat withdrawing marketing at once, transaction alerts sent exactly once, and
 * a campaign approved by a second person reaching only accounts whose consent is given, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentAndAlertsIntegrationTests {

    static final String APPROVER = "approver-token-0123456789abcdef";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    TransactionAlerts alerts;

    @Autowired
    Conversations conversations;

    @Autowired
    CampaignSender campaigns;

    @Autowired
    CampaignAudience audience;

    Api api;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10"); // h2database#4302, as the other H2 tests
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.alerts.follower-enabled", () -> "false"); // the test drives the follower
        registry.add("socialbank.alerts.settle", () -> "0s");
        registry.add("socialbank.campaigns.send-interval", () -> "1h"); // the test drives the sender
        registry.add("socialbank.api.clients.approver.token", () -> APPROVER);
        registry.add("socialbank.api.clients.approver.scopes", () -> "campaigns:read,campaigns:write");
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    @DisplayName(
            "review 2026-12-07 consent follow-up: evidence recorded for another account or status is a 409, not a replay")
    void evidenceOfAnotherChangeIsRefusedNotReplayed() {
        String a = "tg-" + UUID.randomUUID();
        String b = "tg-" + UUID.randomUUID();
        String evidence = "form-" + UUID.randomUUID();
        String given = """
                {"channel": "telegram", "externalUserId": "%s", "purpose": "marketing",
                 "text": "Yes, send me offers", "evidence": "%s"}""";
        String withdrawn = """
                {"channel": "telegram", "externalUserId": "%s", "purpose": "marketing", "status": "withdrawn",
                 "text": "No more offers", "evidence": "%s"}""";
        assertThat(api.post("/api/v1/consents", given.formatted(a, evidence)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/consents", given.formatted(b, "b-" + evidence))
                        .status())
                .isEqualTo(201);

        Api.Response otherUser = api.post("/api/v1/consents", withdrawn.formatted(b, evidence));
        assertThat(otherUser.status()).as(otherUser.body()).isEqualTo(409);
        assertThat(otherUser.contentType()).contains("application/problem+json");
        assertThat(otherUser.json().path("code").asString()).isEqualTo("evidence_reused");
        Api.Response otherStatus = api.post("/api/v1/consents", withdrawn.formatted(b, "b-" + evidence));
        assertThat(otherStatus.status()).as(otherStatus.body()).isEqualTo(409);
        assertThat(otherStatus.json().path("code").asString()).isEqualTo("evidence_reused");
        assertThat(consents("telegram", b).get(0).path("status").asString())
                .as("nothing recorded, and B's consent is not swapped for A's")
                .isEqualTo("given");

        Api.Response withdrawal = api.post("/api/v1/consents", withdrawn.formatted(b, "b2-" + evidence));
        assertThat(withdrawal.status()).isEqualTo(201);
        Api.Response replay = api.post("/api/v1/consents", withdrawn.formatted(b, "b2-" + evidence));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("replayed").asBoolean())
                .as("the same change again")
                .isTrue();
        assertThat(consents("telegram", b).get(0).path("status").asString()).isEqualTo("withdrawn");
        assertThat(consents("telegram", a).get(0).path("status").asString()).isEqualTo("given");
    }

    @Test
    void aConsentGivenElsewhereIsRecordedOnceAndShown() {
        String user = "tg-" + UUID.randomUUID();
        String body = """
                {"channel": "telegram", "externalUserId": "%s", "purpose": "marketing",
                 "text": "Yes, send me offers on Telegram", "evidence": "app-consent-%s"}""".formatted(user, user);
        Api.Response first = api.post("/api/v1/consents", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("status").asString()).isEqualTo("given");
        Api.Response replay = api.post("/api/v1/consents", body);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().path("replayed").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_events WHERE external_user_id = ?")
                        .param(user)
                        .query(Long.class)
                        .single())
                .as("idempotent on evidence")
                .isEqualTo(1L);

        JsonNode consents = consents("telegram", user);
        assertThat(consents).hasSize(1);
        JsonNode marketing = consents.get(0);
        assertThat(marketing.path("purpose").asString()).isEqualTo("marketing");
        assertThat(marketing.path("channel").asString()).isEqualTo("telegram");
        assertThat(marketing.path("status").asString()).isEqualTo("given");
        assertThat(Instant.parse(marketing.path("changedAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(marketing.path("text").asString()).isEqualTo("Yes, send me offers on Telegram");
        assertThat(consents("wechat", user)).as("per channel").isEmpty();
    }

    @Test
    void badInputIsAProblemWithACode() {
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "myspace", "externalUserId": "1", "purpose": "marketing", "text": "t", "evidence": "e"}"""))).isEqualTo("unknown_channel");
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "telegram", "externalUserId": "1", "purpose": "spam", "text": "t", "evidence": "e"}"""))).isEqualTo("unknown_purpose");
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "telegram", "externalUserId": "1", "purpose": "marketing", "text": " ", "evidence": "e"}"""))).isEqualTo("text_missing");
        assertThat(problem(api.post("/api/v1/consents", """
                {"channel": "telegram", "externalUserId": "1", "purpose": "marketing", "text": "t"}"""))).isEqualTo("evidence_invalid");
        assertThat(problem(api.get("/api/v1/consents?channel=telegram"))).isEqualTo("external_user_id_invalid");
        assertThat(problem(api.get("/api/v1/consents?externalUserId=1"))).isEqualTo("unknown_channel");
        assertThat(new Api("http://127.0.0.1:" + port, null)
                        .get("/api/v1/consents?channel=telegram&externalUserId=1")
                        .status())
                .as("no token")
                .isEqualTo(401);
    }

    @Test
    void aStopTypedInTheWebChatWithdrawsMarketingAtOnceAndIsConfirmed() {
        Visitor visitor = new Visitor();
        visitor.open();
        String first = UUID.randomUUID().toString();
        assertThat(visitor.send(first, "help").statusCode()).isEqualTo(202);
        String user = awaitExternalUserId(first);
        assertThat(api.post("/api/v1/consents", """
                {"channel": "webchat", "externalUserId": "%s", "purpose": "marketing",
                 "text": "Offers in this chat? Yes", "evidence": "web-form-%s"}""".formatted(user, first)).status())
                .isEqualTo(201);
        assertThat(consents("webchat", user).get(0).path("status").asString()).isEqualTo("given");

        String stop = UUID.randomUUID().toString();
        assertThat(visitor.send(stop, "ARRÊT").statusCode()).isEqualTo(202);
        JsonNode marketing = consents("webchat", user).get(0);
        assertThat(marketing.path("status").asString()).isEqualTo("withdrawn");
        assertThat(marketing.path("evidence").asString()).isEqualTo(stop);
        assertThat(marketing.path("text").asString()).isEqualTo("ARRÊT");
        assertThat(visitor.awaitBankText("messages commerciaux"))
                .as("confirmed in French")
                .isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_events WHERE external_user_id = ?")
                        .param(user)
                        .query(Long.class)
                        .single())
                .as("history kept: given, then withdrawn")
                .isEqualTo(2L);
    }

    @Test
    void everyPostingAlertsItsCustomersLinkedChatExactlyOnceAndRespectsTheirSettings() {
        CustomerId alice = customer("Alice Archer", Language.FR);
        CustomerId bob = customer("Bob Brown", Language.EN);
        AccountId aliceWallet = wallet(alice);
        AccountId bobWallet = wallet(bob);
        String aliceChat = "web-" + UUID.randomUUID();
        IdentityId aliceIdentity = linked(aliceChat, alice);
        AccountId equity = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(equity, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        drainAlerts(); // postings of earlier tests
        post(equity, aliceWallet, 50_000);
        TransferId p2p = post(aliceWallet, bobWallet, 1_234);
        drainAlerts();

        assertThat(statuses(p2p)).containsExactlyInAnyOrder("outgoing:sent", "incoming:no_chat");
        List<String> sent = outbox(aliceIdentity);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1))
                .contains("Envoyé")
                .contains("12,34")
                .contains("B")
                .contains("487,66");
        assertThat(sent.get(0)).contains("Reçu").contains("la banque").contains("500,00");

        // the journal read again from its start: nothing is alerted twice
        jdbc.sql("UPDATE transaction_alert_cursor SET last_sequence = 0").update();
        drainAlerts();
        assertThat(outbox(aliceIdentity)).hasSize(2);
        assertThat(statuses(p2p)).hasSize(2);

        // a chat command raises the minimum: a smaller posting is recorded, not sent
        conversations.receive(new InboundMessage(
                Network.WEBCHAT, "m-" + UUID.randomUUID(), aliceChat, null, null, new Inbound.Text("alerts min 100")));
        assertThat(api.get("/api/v1/alert-settings/" + alice.value())
                        .json()
                        .path("minAmountMinor")
                        .asLong())
                .isEqualTo(10_000);
        assertThat(outbox(aliceIdentity)).hasSize(3);
        assertThat(outbox(aliceIdentity).get(2)).contains("100,00"); // the command's answer
        TransferId small = post(aliceWallet, bobWallet, 500);
        drainAlerts();
        assertThat(statuses(small)).contains("outgoing:suppressed");
        assertThat(outbox(aliceIdentity)).hasSize(3);

        // quiet hours around now hold the alert; once they are over it is sent, once
        LocalTime from = LocalTime.now(java.time.ZoneId.of("Asia/Tokyo")).minusHours(1);
        Api.Response quietHours =
                put("/api/v1/alert-settings/" + alice.value(), """
                {"minAmountMinor": 0, "zone": "Asia/Tokyo", "quietHours": {"from": "%s", "to": "%s"}}""".formatted(hhmm(from), hhmm(from.plusHours(2))));
        assertThat(quietHours.status()).as(quietHours.body()).isEqualTo(200);
        TransferId quiet = post(aliceWallet, bobWallet, 700);
        drainAlerts();
        assertThat(statuses(quiet)).contains("outgoing:held");
        assertThat(outbox(aliceIdentity)).hasSize(3);
        jdbc.sql("UPDATE transaction_alerts SET due_at = ? WHERE transfer_id = ? AND status = 'held'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), quiet.value())
                .update();
        assertThat(alerts.releaseDue()).isEqualTo(1);
        assertThat(alerts.releaseDue()).isZero();
        assertThat(statuses(quiet)).contains("outgoing:sent");
        assertThat(outbox(aliceIdentity)).hasSize(4);
        assertThat(outbox(aliceIdentity).get(3)).contains("7,00");
    }

    @Test
    void everyKindOfPostingAlertsItsCustomerInterestCardPurchaseRepaymentPayoutFee() {
        CustomerId ines = customer("Ines Iglesias", Language.EN);
        AccountId wallet = wallet(ines);
        IdentityId chat = linked("web-" + UUID.randomUUID(), ines);
        AccountId card = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(card, EUR, ines.ownerRef(), AccountKind.CREDIT_CARD, Set.of()));
        AccountId equity = bankAccount(AccountKind.BANK_EQUITY);
        AccountId settlement = bankAccount(AccountKind.INTERBANK_SETTLEMENT);
        AccountId fees = bankAccount(AccountKind.FEES);
        drainAlerts();
        TransferId interest = post(equity, wallet, 10_000, "interest");
        TransferId purchase = post(card, settlement, 2_500, "card-purchase");
        TransferId repayment = post(wallet, card, 2_500, "card-repayment");
        TransferId payout = post(wallet, settlement, 1_000, "payout");
        TransferId fee = post(wallet, fees, 50, "fee");
        drainAlerts();
        assertThat(statuses(interest)).containsExactly("incoming:sent");
        assertThat(statuses(purchase)).as("on her credit card").containsExactly("outgoing:sent");
        assertThat(statuses(repayment))
                .as("one alert per side, in no set order")
                .containsExactlyInAnyOrder("incoming:sent", "outgoing:sent");
        assertThat(statuses(payout)).containsExactly("outgoing:sent");
        assertThat(statuses(fee)).containsExactly("fee:sent");
        assertThat(outbox(chat)).hasSize(6);
    }

    private AccountId bankAccount(AccountKind kind) {
        AccountId id = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(id, EUR, null, kind, Set.of()));
        return id;
    }

    private TransferId post(AccountId debit, AccountId credit, long amountMinor, String code) {
        TransferId id = new TransferId(UUID.randomUUID());
        assertThat(ledger.transfer(NewTransfer.posted(id, debit, credit, amountMinor, EUR, code)))
                .isInstanceOf(TransferResult.Posted.class);
        return id;
    }

    @Test
    void alertsGoToThePreferredChatAndAMarketingStopNeverBlocksThem() {
        CustomerId hana = customer("Hana Haddad", Language.EN);
        AccountId wallet = wallet(hana);
        String web = "web-" + UUID.randomUUID();
        IdentityId webIdentity = linked(web, hana);
        jdbc.sql("UPDATE channel_identities SET linked_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), webIdentity.value())
                .update();
        IdentityId bale = identities
                .identify(Network.BALE, "bale-" + UUID.randomUUID(), null, null)
                .id();
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(hana.value(), OffsetDateTime.now(ZoneOffset.UTC), bale.value())
                .update();
        AccountId equity = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(equity, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        drainAlerts();
        post(equity, wallet, 1_000);
        drainAlerts();
        assertThat(outbox(bale))
                .as("no preference: her most recently linked chat")
                .hasSize(1);
        assertThat(outbox(webIdentity)).isEmpty();

        assertThat(put("/api/v1/alert-settings/" + hana.value(), "{\"preferredChannel\": \"webchat\"}")
                        .status())
                .isEqualTo(200);
        post(equity, wallet, 2_000);
        drainAlerts();
        assertThat(outbox(webIdentity)).as("her preferred chat").hasSize(1);
        assertThat(outbox(bale)).hasSize(1);

        // STOP withdraws marketing on that chat; service alerts still come there
        conversations.receive(new InboundMessage(
                Network.WEBCHAT, "m-" + UUID.randomUUID(), web, null, null, new Inbound.Text("STOP")));
        assertThat(consents("webchat", web).get(0).path("status").asString()).isEqualTo("withdrawn");
        TransferId after = post(equity, wallet, 3_000);
        drainAlerts();
        assertThat(statuses(after)).containsExactly("incoming:sent");
        assertThat(outbox(webIdentity))
                .as("the STOP's confirmation, then the alert")
                .hasSize(3);
        assertThat(outbox(webIdentity).get(2)).contains("30.00");
    }

    @Test
    void thisWasntMeLocksTheCardsAndPutsAPersonOnItAheadOfEveryoneElse() {
        CustomerId dan = customer("Dan Dale", Language.EN);
        CustomerId eve = customer("Eve Eden", Language.EN);
        AccountId danWallet = wallet(dan);
        AccountId eveWallet = wallet(eve);
        String danChat = "web-" + UUID.randomUUID();
        IdentityId danIdentity = linked(danChat, dan);
        AccountId equity = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(equity, EUR, null, AccountKind.BANK_EQUITY, Set.of()));
        drainAlerts();
        post(equity, danWallet, 10_000);
        post(danWallet, eveWallet, 2_500);
        drainAlerts();
        // money out carries the button, money in does not
        List<String> buttons = jdbc.sql("SELECT reference FROM button_refs WHERE identity_id = ? AND action LIKE ?")
                .params(danIdentity.value(), "%alert.not_me:%")
                .query(String.class)
                .list();
        assertThat(buttons).hasSize(1);
        org.socialbank.conversation.Received pressed = conversations.receive(new InboundMessage(
                Network.WEBCHAT, "m-" + UUID.randomUUID(), danChat, null, null, new Inbound.Button(buttons.get(0))));
        assertThat(((org.socialbank.conversation.Received.Handled) pressed).replies())
                .first()
                .extracting(m -> m.content().toString())
                .asString()
                .contains("A person from the bank will write to you here shortly about this payment.");
        assertThat(jdbc.sql("SELECT priority FROM handoff_cases WHERE identity_id = ?")
                        .param(danIdentity.value())
                        .query(Integer.class)
                        .list())
                .as("one fraud case, first in its queue")
                .containsExactly(1);
        // the chat is the queue's now: a second press gets no bot answer and opens nothing more
        conversations.receive(new InboundMessage(
                Network.WEBCHAT, "m-" + UUID.randomUUID(), danChat, null, null, new Inbound.Button(buttons.get(0))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM handoff_cases WHERE identity_id = ?")
                        .param(danIdentity.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void alertSettingsApiAnswersDefaultsAndRefusesBadValues() {
        CustomerId carol = customer("Carol Cole", Language.EN);
        Api.Response defaults = api.get("/api/v1/alert-settings/" + carol.value());
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.json().path("kinds").path("incoming").asBoolean()).isTrue();
        assertThat(defaults.json().path("minAmountMinor").asLong()).isZero();
        assertThat(defaults.json().path("zone").asString())
                .as("the zone of her language, not UTC")
                .isEqualTo("Europe/London");
        CustomerId sara = customer("Sara Ahmadi", Language.FA);
        assertThat(api.get("/api/v1/alert-settings/" + sara.value())
                        .json()
                        .path("zone")
                        .asString())
                .isEqualTo("Asia/Tehran");
        String path = "/api/v1/alert-settings/" + carol.value();
        assertThat(put(path, "{\"preferredChannel\": \"x\", \"chatOrder\": [\"whatsapp\", \"telegram\"]}")
                        .json()
                        .path("chatOrder")
                        .toString())
                .as("X by DM, then her order")
                .isEqualTo("[\"whatsapp\",\"telegram\"]");
        assertThat(problem(put(path, "{\"chatOrder\": [\"myspace\"]}"))).isEqualTo("unknown_channel");
        assertThat(put(path, "{\"preferredChannel\": \"\"}")
                        .json()
                        .path("preferredChannel")
                        .isString())
                .isFalse();
        assertThat(problem(put(path, "{\"zone\": \"Mars/Base\"}"))).isEqualTo("unknown_zone");
        assertThat(problem(put(path, "{\"zone\": \"UTC\"}")))
                .as("a zone names a place")
                .isEqualTo("unknown_zone");
        assertThat(problem(put(path, "{\"kinds\": {\"spam\": true}}"))).isEqualTo("unknown_kind");
        assertThat(problem(put(path, "{\"minAmountMinor\": -1}"))).isEqualTo("min_amount_negative");
        assertThat(problem(api.get("/api/v1/alert-settings/" + UUID.randomUUID())))
                .isEqualTo("customer_not_found");
        Api.Response off = put(path, "{\"kinds\": {\"fee\": false}}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().path("kinds").path("fee").asBoolean()).isFalse();
        assertThat(off.json().path("kinds").path("incoming").asBoolean()).isTrue();
        assertThat(off.json().path("delivery").asString())
                .as("each alert at once until she asks")
                .isEqualTo("instant");
        assertThat(problem(put(path, "{\"delivery\": \"hourly\"}"))).isEqualTo("unknown_delivery");
        Api.Response daily = put(path, "{\"delivery\": \"daily\"}");
        assertThat(daily.status()).isEqualTo(200);
        assertThat(api.get(path).json().path("delivery").asString()).isEqualTo("daily");
    }

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private CustomerId customer(String name, Language language) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        assertThat(directory.register(new NewCustomer(id, name, language, KycLevel.FULL, null, null, List.of())))
                .isInstanceOf(DirectoryResult.Done.class);
        return id;
    }

    private AccountId wallet(CustomerId customer) {
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                EUR,
                customer.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(customer, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        return wallet;
    }

    /** A web-chat account linked to the customer (the sign-in flow is the linking tests' business). */
    private IdentityId linked(String chat, CustomerId customer) {
        IdentityId id = identities.identify(Network.WEBCHAT, chat, null, null).id();
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(customer.value(), OffsetDateTime.now(ZoneOffset.UTC), id.value())
                .update();
        return id;
    }

    private TransferId post(AccountId debit, AccountId credit, long amountMinor) {
        TransferId id = new TransferId(UUID.randomUUID());
        assertThat(ledger.transfer(NewTransfer.posted(id, debit, credit, amountMinor, EUR, "p2p")))
                .isInstanceOf(TransferResult.Posted.class);
        return id;
    }

    private void drainAlerts() {
        for (int round = 0; round < 100 && alerts.follow() > 0; round++) {
            // each round takes one batch of the journal
        }
    }

    private List<String> statuses(TransferId transfer) {
        return jdbc.sql("SELECT kind, status FROM transaction_alerts WHERE transfer_id = ?")
                .param(transfer.value())
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
                .list();
    }

    private List<String> outbox(IdentityId identity) {
        return jdbc.sql("SELECT payload FROM outbox_messages WHERE identity_id = ? ORDER BY created_at, id")
                .param(identity.value())
                .query(String.class)
                .list();
    }

    private Api.Response put(String path, String json) {
        return api.send(api.request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    @Test
    void aCampaignNeedsASecondApproverAndReachesOnlyGivenConsentsOnce() {
        String a = "wa-" + UUID.randomUUID();
        String b = "wa-" + UUID.randomUUID();
        String c = "wa-" + UUID.randomUUID();
        IdentityId aIdentity =
                identities.identify(Network.WHATSAPP, a, null, null).id();
        identities.identify(Network.WHATSAPP, b, null, null);
        for (String user : List.of(a, b, c)) {
            assertThat(api.post("/api/v1/consents", """
                    {"channel": "whatsapp", "externalUserId": "%s", "purpose": "marketing",
                     "text": "Offers on WhatsApp? Yes", "evidence": "form-%s"}""".formatted(user, user)).status())
                    .isEqualTo(201);
        }
        String id = UUID.randomUUID().toString();
        LocalTime later = LocalTime.now(ZoneOffset.UTC).plusHours(3); // quiet hours that do not hold now
        String campaign = """
                {"id": "%s", "name": "Winter cashback", "channel": "whatsapp",
                 "quietHours": {"from": "%s", "to": "%s"},
                 "texts": {"en": "2%% cashback on bills this winter. Reply STOP to opt out.",
                           "fr": "2 %% de remboursement sur vos factures cet hiver. Répondez STOP pour ne plus rien recevoir."}}""".formatted(id, hhmm(later), hhmm(later.plusHours(1)));
        assertThat(api.post("/api/v1/campaigns", campaign).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/campaigns", campaign).status())
                .as("a replay")
                .isEqualTo(200);
        assertThat(problem(api.post("/api/v1/campaigns/" + id + "/approve", "")))
                .isEqualTo("four_eyes");
        Api approver = new Api("http://127.0.0.1:" + port, APPROVER);
        Api.Response approved = approver.post("/api/v1/campaigns/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(audience.expandAll(UUID.fromString(id)))
                .as("the audience, queued after the approval")
                .isEqualTo(3);
        assertThat(api.get("/api/v1/campaigns/" + id)
                        .json()
                        .path("recipients")
                        .path("queued")
                        .asLong())
                .isEqualTo(3);
        assertThat(problem(approver.post("/api/v1/campaigns/" + id + "/approve", "")))
                .isEqualTo("not_draft");

        // b says STOP after the approval: checked again before sending
        assertThat(api.post("/api/v1/consents", """
                {"channel": "whatsapp", "externalUserId": "%s", "purpose": "marketing", "status": "withdrawn",
                 "text": "STOP", "evidence": "stop-%s"}""".formatted(b, b)).status()).isEqualTo(201);
        while (campaigns.sendRound() > 0) {
            // rounds until nothing is queued
        }
        assertThat(campaigns.sendRound()).isZero();
        JsonNode recipients = api.get("/api/v1/campaigns/" + id).json().path("recipients");
        assertThat(recipients.path("sent").asLong()).isEqualTo(1);
        assertThat(recipients.path("opted_out").asLong()).isEqualTo(1);
        assertThat(recipients.path("failed").asLong())
                .as("c has no chat the bank can reach")
                .isEqualTo(1);
        assertThat(outbox(aIdentity)).hasSize(1);
        assertThat(outbox(aIdentity).get(0)).contains("cashback");
    }

    private String awaitExternalUserId(String messageId) {
        return jdbc.sql("SELECT i.external_id FROM inbox_messages m JOIN channel_identities i ON i.id = m.identity_id "
                        + "WHERE m.channel = 'webchat' AND m.external_message_id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }

    private JsonNode consents(String channel, String user) {
        Api.Response response = api.get("/api/v1/consents?channel=" + channel + "&externalUserId="
                + URLEncoder.encode(user, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("consents");
    }

    private static String problem(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.code();
    }

    /** A web-chat visitor as its page is used: a cookie, the page's CSRF token, form posts. */
    final class Visitor {

        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String csrf;

        void open() {
            HttpResponse<String> page =
                    exchange(HttpRequest.newBuilder(uri("/chat")).GET().build());
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as("the page carries a CSRF token").isTrue();
            csrf = m.group(1);
        }

        HttpResponse<String> send(String id, String text) {
            String body = "id=" + enc(id) + "&text=" + enc(text) + "&_csrf=" + enc(csrf);
            return exchange(HttpRequest.newBuilder(uri("/chat/messages"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        }

        boolean awaitBankText(String part) {
            Await.until(
                    () -> exchange(HttpRequest.newBuilder(uri("/chat/history"))
                                    .GET()
                                    .build())
                            .body(),
                    history -> history.contains(part),
                    Duration.ofSeconds(15),
                    history -> "'" + part + "' in the web chat's history");
            return true;
        }

        private HttpResponse<String> exchange(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
