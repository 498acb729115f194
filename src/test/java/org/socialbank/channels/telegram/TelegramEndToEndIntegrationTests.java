package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.socialbank.alerts.Alerts;
import org.socialbank.demo.DemoBank;
import org.socialbank.demo.DemoCustomer;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.IdentityId;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.support.Customers;
import org.socialbank.support.FormClient;
import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo bank through a Telegram bot and a Bale bot, both served by a fake Bot API server: a
 * chat asks for its balance, gets the link, the customer signs in on the bank's page (code from
 * the developer SMS inbox), pays Camille, presses the inline Confirm button and gets the receipt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelegramEndToEndIntegrationTests {

    static final FakeTelegramApi API = new FakeTelegramApi();
    static final String TELEGRAM = "900:telegram-bank";
    static final String BALE = "901:bale-bank";
    static final String SECRET = "end-to-end-secret-0123";
    static final AtomicLong IDS = new AtomicLong(new Random().nextInt(1_000_000) * 1000L + 1);
    static final Pattern LINK = Pattern.compile("/link/[A-Za-z0-9_-]+");
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    Directory directory;

    @org.springframework.beans.factory.annotation.Autowired
    Ledger ledger;

    @org.springframework.beans.factory.annotation.Autowired
    ChannelIdentities identities;

    @org.springframework.beans.factory.annotation.Autowired
    JdbcLinking linking;

    @org.springframework.beans.factory.annotation.Autowired
    Alerts alerts;

    @org.springframework.beans.factory.annotation.Autowired
    org.socialbank.alerts.TransactionAlerts transactionAlerts;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // the demo customers and /dev/sms
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        for (String[] bot : new String[][] {{"telegram", TELEGRAM}, {"bale", BALE}}) {
            String prefix = "socialbank.channels." + bot[0] + ".bots.bank.";
            registry.add(prefix + "token", () -> bot[1]);
            registry.add(prefix + "secret-token", () -> SECRET);
            registry.add(prefix + "api-base-url", API::baseUrl);
        }
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    /** One person chatting with one bot. */
    final class Chat {
        final String network;
        final String token;
        final long user = IDS.incrementAndGet();

        Chat(String network, String token) {
            this.network = network;
            this.token = token;
        }

        void say(String text) {
            ObjectNode update = Recorded.update("private-text", IDS.incrementAndGet(), user);
            ((ObjectNode) update.get("message")).put("text", text);
            post(update);
        }

        /** Shares the sender's own phone from the reply keyboard (contact.user_id == from.id). */
        void shareOwnPhone(String phone) {
            ObjectNode update = Recorded.update("contact-own", IDS.incrementAndGet(), user);
            ((ObjectNode) update.get("message").get("contact")).put("phone_number", phone.replace("+", ""));
            post(update);
        }

        void press(String reference) {
            ObjectNode update = Recorded.update("callback-query", IDS.incrementAndGet(), user);
            ((ObjectNode) update.get("callback_query")).put("data", reference).put("id", "q" + IDS.incrementAndGet());
            post(update);
        }

        private void post(ObjectNode update) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/webhooks/" + network + "/bank"))
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Recorded.bytes(update)))
                    .build();
            try {
                assertThat(http.send(request, HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The message number {@code n} (from 1) the bot sent to this chat, once it came. */
        JsonNode received(int n) {
            API.await(calls -> API.sent(token, Long.toString(user)).size() >= n, Duration.ofSeconds(30));
            return API.sent(token, Long.toString(user)).get(n - 1).body();
        }

        int count() {
            return API.sent(token, Long.toString(user)).size();
        }
    }

    @Test
    void aTelegramUserLinksPaysAndConfirmsWithTheInlineButton() {
        payCamilleFrom(new Chat("telegram", TELEGRAM), DemoBank.CUSTOMERS.get(0), "5");
    }

    @Test
    void aBaleUserDoesTheSame() {
        payCamilleFrom(new Chat("bale", BALE), DemoBank.CUSTOMERS.get(0), "3");
    }

    @Test
    void linkOffersTheReplyKeyboardAndSharingTheOwnPhoneLinksTheChat() {
        DemoCustomer ivan = DemoBank.CUSTOMERS.get(2);
        Chat chat = new Chat("telegram", TELEGRAM);
        int seen = chat.count();
        chat.say("link");
        assertThat(chat.received(seen + 1).path("text").asString()).contains("/link/");
        JsonNode ask = chat.received(seen + 2);
        assertThat(ask.path("reply_markup")
                        .path("keyboard")
                        .path(0)
                        .path(0)
                        .path("request_contact")
                        .asBoolean())
                .isTrue();
        chat.shareOwnPhone(ivan.phone());
        // security review #11: the shared phone gets a code by SMS, typed on the bank's page
        String offer = chat.received(seen + 3).path("text").asString();
        Matcher link = LINK.matcher(offer);
        assertThat(link.find()).as("a link in " + offer).isTrue();
        FormClient browser = new FormClient(port);
        assertThat(browser.get(link.group()).html()).contains("6-digit code");
        Matcher code = CODE.matcher(
                browser.get("/dev/sms.json?limit=1&to=" + ivan.phone().replace("+", "%2B"))
                        .html());
        assertThat(code.find()).isTrue();
        assertThat(browser.post(link.group() + "/code", "code", code.group(1)).html())
                .contains("is linked");
        assertThat(chat.received(seen + 4).path("text").asString()).containsIgnoringCase("telegram");
        chat.say("balance");
        assertThat(chat.received(seen + 5).path("text").asString()).doesNotContain("/link/");
    }

    @Test
    void thePayeeIsToldInHerOwnChat() {
        DemoCustomer camille = DemoBank.CUSTOMERS.get(1);
        Chat camillesChat = new Chat("telegram", TELEGRAM);
        link(camillesChat, camille);
        int before = camillesChat.count();
        payCamilleFrom(new Chat("bale", BALE), DemoBank.CUSTOMERS.get(0), "4");
        String alert = camillesChat.received(before + 1).path("text").asString();
        assertThat(alert).contains("Alice").contains("4");
    }

    /**
     * Issue 17, 1.7 and 1.8: a transaction alert for a customer whose preferred Telegram chat has
     * blocked the bot. Telegram refuses it (403, "blocked by the user"), the relay reports the
     * refusal, and the alert goes to her Bale chat instead, once, in her language; the Telegram chat
     * is marked unreachable, so the next alert goes to Bale straight away.
     */
    @Test
    void anAlertTheBlockedTelegramBotCannotDeliverGoesToHerBaleChatInstead() {
        Chat telegram = new Chat("telegram", TELEGRAM);
        Chat bale = new Chat("bale", BALE);
        Customers customers = new Customers(directory, ledger);
        Customers.Customer lea = customers
                .named("Léa Leroy")
                .speaking(Language.FR)
                .phone("+336715" + String.format("%05d", telegram.user % 100_000))
                .wallet("EUR")
                .create();
        IdentityId onTelegram = link(Network.TELEGRAM, telegram, lea.id());
        link(Network.BALE, bale, lea.id());
        alerts.save(alerts.settings(lea.id()).withPreferredChannel(Network.TELEGRAM));
        API.fail(TELEGRAM, "sendMessage", 403, "Forbidden: bot was blocked by the user", 0);

        CurrencyCode eur = CurrencyCode.of("EUR");
        assertThat(ledger.transfer(NewTransfer.posted(
                        new TransferId(java.util.UUID.randomUUID()),
                        customers.funding(eur),
                        lea.wallet(),
                        4_321,
                        eur,
                        "deposit")))
                .isInstanceOf(TransferResult.Posted.class);
        follow(() -> bale.count() >= 1, "the alert on Bale");
        String alert = bale.received(1).path("text").asString();
        assertThat(alert).as("the alert, in French, on Bale").contains("43,21");
        assertThat(telegram.count()).as("one try on Telegram, refused").isEqualTo(1);
        assertThat(identities.identity(onTelegram).orElseThrow().reachable()).isFalse();

        assertThat(ledger.transfer(NewTransfer.posted(
                        new TransferId(java.util.UUID.randomUUID()),
                        customers.funding(eur),
                        lea.wallet(),
                        1_000,
                        eur,
                        "deposit")))
                .isInstanceOf(TransferResult.Posted.class);
        follow(() -> bale.count() >= 2, "the second alert on Bale");
        assertThat(bale.received(2).path("text").asString()).contains("10,00");
        assertThat(telegram.count()).as("no second try on the blocked chat").isEqualTo(1);
        assertThat(bale.count()).as("each alert once").isEqualTo(2);
    }

    /** Runs the journal follower (off in tests by default) until the condition holds. */
    private void follow(java.util.function.BooleanSupplier done, String what) {
        org.socialbank.support.Await.until(
                () -> {
                    transactionAlerts.follow();
                    return done.getAsBoolean();
                },
                Duration.ofSeconds(45),
                () -> what);
    }

    /** The chat's account linked to the customer, as a finished linking would leave it. */
    private IdentityId link(Network network, Chat chat, CustomerId customer) {
        IdentityId id = identities
                .identify(network, Long.toString(chat.user), null, null)
                .id();
        linking.setCustomer(id, customer, java.time.Instant.now());
        return id;
    }

    private void payCamilleFrom(Chat chat, DemoCustomer payer, String amount) {
        link(chat, payer);
        int seen = chat.count();
        chat.say("pay $" + DemoBank.CUSTOMERS.get(1).tag() + " " + amount);
        JsonNode confirmation = chat.received(seen + 1);
        assertThat(confirmation.path("text").asString()).contains(amount);
        JsonNode buttons =
                confirmation.path("reply_markup").path("inline_keyboard").path(0);
        String confirm = null;
        for (JsonNode button : buttons) {
            if (button.path("text").asString().equals("Confirm")) {
                confirm = button.path("callback_data").asString();
            }
        }
        assertThat(confirm).as("an inline Confirm button in " + confirmation).isNotNull();
        assertThat(confirm.length()).isLessThanOrEqualTo(64);
        chat.press(confirm);
        // the first payment from a chat linked today waits for the bank's page, bound to amount and payee
        JsonNode held = chat.received(seen + 2);
        assertThat(held.path("text").asString()).contains("confirm on the bank");
        // a local http:// URL is no Telegram URL button: the adapter puts it in the text
        Matcher confirmLink = Pattern.compile("https?://\\S+/confirm/\\S+")
                .matcher(held.path("text").asString() + " "
                        + held.path("reply_markup")
                                .path("inline_keyboard")
                                .path(0)
                                .path(0)
                                .path("url")
                                .asString());
        assertThat(confirmLink.find()).as("a confirmation link in " + held).isTrue();
        String page = confirmLink.group();
        assertThat(API.calls(chat.token, "answerCallbackQuery")).isNotEmpty();
        FormClient browser = new FormClient(port);
        String path = URI.create(page).getPath();
        assertThat(browser.get(path).html()).contains("Camille D.");
        String sms = browser.get("/dev/sms.json?limit=1&to=" + payer.phone().replace("+", "%2B"))
                .html();
        Matcher code = CODE.matcher(sms);
        assertThat(code.find()).as("a code in " + sms).isTrue();
        assertThat(browser.post(path, "code", code.group(1)).html()).contains("Confirmed");
        assertThat(chat.received(seen + 3).path("text").asString())
                .contains("is done")
                .contains(amount);
    }

    /** "balance" gets the link; the customer signs in on the bank's page; the chat hears it is linked. */
    private void link(Chat chat, DemoCustomer customer) {
        int seen = chat.count();
        chat.say("balance");
        String offer = chat.received(seen + 1).path("text").asString();
        Matcher link = LINK.matcher(offer);
        assertThat(link.find()).as("a link in " + offer).isTrue();
        FormClient browser = new FormClient(port);
        assertThat(browser.get(link.group()).status()).isEqualTo(200);
        browser.post(link.group(), "username", customer.username(), "password", customer.password());
        String sms = browser.get("/dev/sms.json?limit=1&to=" + customer.phone().replace("+", "%2B"))
                .html();
        Matcher code = CODE.matcher(sms);
        assertThat(code.find()).as("a code in " + sms).isTrue();
        assertThat(browser.post(link.group() + "/code", "code", code.group(1)).html())
                .contains("is linked");
        // "This Telegram (Bale) account is now linked", in the customer's language
        assertThat(chat.received(seen + 2).path("text").asString()).containsIgnoringCase(chat.network);
    }
}
