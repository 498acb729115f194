package org.socialbank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.socialbank.channels.telegram.FakeTelegramApi;
import org.socialbank.channels.wechat.FakeWeChatApi;
import org.socialbank.channels.wechat.WeChatCrypto;
import org.socialbank.channels.wechat.WeChatXml;
import org.socialbank.demo.DemoBank;
import org.socialbank.demo.DemoCustomer;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.Await;
import org.socialbank.support.FormClient;
import org.socialbank.support.Seeds;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7's way across networks, on a full demo bank with WeChat's API and a Telegram bot both
 * played by local fakes: Camille links her Telegram chat; Alice follows the WeChat account, links
 * it, asks her balance and pays Camille by phone number; the payment waits for the bank's step-up
 * page; once Alice confirms there, her WeChat hears it is done, Camille's Telegram chat hears the
 * money arrived (in French), and the money moved once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrossChannelIntegrationTests {

    static final FakeWeChatApi WECHAT = new FakeWeChatApi();
    static final FakeTelegramApi TELEGRAM = new FakeTelegramApi();
    static final String APP_ID = "wxcross0000000001";
    static final String WECHAT_TOKEN = "pMvRahPstZUvvOk8i3NieQ1bCaTZ8yzP";
    static final String WECHAT_AES_KEY = "s5hpUrFF2l8OS9QW87lI6YZLV4lWdYhsHeuDwWqb6tw";
    static final String ACCOUNT = "gh_cross000001";
    static final String BOT_TOKEN = "902:cross-bank";
    static final String BOT_SECRET = "cross-channel-secret-01";
    static final String CUSTOM_SEND = "/cgi-bin/message/custom/send";
    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    static final WeChatCrypto CRYPTO = new WeChatCrypto(WECHAT_TOKEN, APP_ID, WECHAT_AES_KEY);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long SEED = Seeds.seed("CrossChannelIntegrationTests");
    static final AtomicLong IDS =
            new AtomicLong(1_000_000 + Math.floorMod(new Random(SEED).nextLong(), 1_000_000_000L));
    static final Pattern LINK = Pattern.compile("/link/[A-Za-z0-9_-]+");
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    static final DemoCustomer ALICE = DemoBank.CUSTOMERS.get(0);
    static final DemoCustomer CAMILLE = DemoBank.CUSTOMERS.get(1);

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.demo.enabled", () -> "true"); // Alice, Camille and the developer SMS inbox
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        registry.add("socialbank.channels.wechat.app-id", () -> APP_ID);
        registry.add("socialbank.channels.wechat.app-secret", () -> "cross-secret");
        registry.add("socialbank.channels.wechat.token", () -> WECHAT_TOKEN);
        registry.add("socialbank.channels.wechat.encoding-aes-key", () -> WECHAT_AES_KEY); // safe mode
        registry.add("socialbank.channels.wechat.api-base-url", WECHAT::url);
        registry.add("socialbank.channels.wechat.alert-template-id", () -> "TPL_ALERT");
        // the longest passive-reply budget WeChat allows: this class reads every answer from the passive
        // reply, and a loaded CI machine once took more than the default 3.5s over a payment's turn
        registry.add("socialbank.channels.wechat.passive-reply-budget", () -> "4500ms");
        // links go out plain here; their web authorisation is WeChatOAuthContract's subject
        registry.add("socialbank.channels.wechat.oauth-paths", () -> "");
        registry.add("socialbank.channels.telegram.bots.bank.token", () -> BOT_TOKEN);
        registry.add("socialbank.channels.telegram.bots.bank.secret-token", () -> BOT_SECRET);
        registry.add("socialbank.channels.telegram.bots.bank.api-base-url", TELEGRAM::baseUrl);
    }

    @AfterAll
    static void stop() {
        WECHAT.close();
        TELEGRAM.close();
    }

    @Test
    void aWeChatFollowerPaysATelegramUserByPhoneAndBothAreTold() {
        long camillesChat = IDS.incrementAndGet();
        linkTelegram(camillesChat, CAMILLE);
        long aliceBefore = euros(ALICE);
        long camilleBefore = euros(CAMILLE);

        String follower = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
        assertThat(weChat(event(follower, "subscribe", "qrscene_7"))).isNotBlank();
        linkWeChat(follower, ALICE);
        assertThat(weChat(text(follower, "balance"))).contains("500");

        String confirmation = weChat(text(follower, "pay " + CAMILLE.phone() + " 5 EUR"));
        Matcher button =
                Pattern.compile("msgmenuid=([A-Za-z0-9_-]+)\">Confirm</a>").matcher(confirmation);
        assertThat(button.find()).as("a Confirm menu link in %s", confirmation).isTrue();
        Map<String, String> press = text(follower, "Confirm");
        press.put("bizmsgmenuid", button.group(1));
        String held = weChat(press);
        assertThat(held).contains("confirm on the bank");
        Matcher page = Pattern.compile("<a href=\"([^\"]+/confirm/[^\"]+)\">").matcher(held);
        assertThat(page.find()).as("a confirmation link in %s", held).isTrue();
        assertThat(euros(ALICE)).as("nothing moves before the step-up page").isEqualTo(aliceBefore);
        confirmOnThePage(page.group(1).replace("&amp;", "&"), ALICE);

        assertThat(awaitWeChatAlert(follower, "is done")).contains("5.00");
        String alert = awaitTelegram(camillesChat, "vous a envoyé");
        assertThat(spaced(alert)).contains("Alice W.").contains("vous a envoyé 5,00 €.");
        // both alerts are written in the transaction that moved the money: it moved, once
        assertThat(euros(ALICE)).isEqualTo(aliceBefore - 500);
        assertThat(euros(CAMILLE)).isEqualTo(camilleBefore + 500);
        assertThat(telegramTexts(camillesChat).stream().filter(t -> t.contains("vous a envoyé")))
                .hasSize(1);
    }

    // --- Telegram ---------------------------------------------------------------------------

    /** "balance" gets the link; the customer signs in on the bank's page; the chat hears it is linked. */
    private void linkTelegram(long chat, DemoCustomer customer) {
        telegram(chat, "balance");
        String offer = awaitTelegram(chat, "/link/");
        Matcher link = LINK.matcher(offer);
        assertThat(link.find()).as("a link in %s", offer).isTrue();
        signIn(link.group(), customer);
        awaitTelegram(chat, "Telegram");
    }

    private void telegram(long chat, String text) {
        ObjectNode update = JSON.createObjectNode().put("update_id", IDS.incrementAndGet());
        ObjectNode message = update.putObject("message")
                .put("message_id", IDS.incrementAndGet())
                .put("date", System.currentTimeMillis() / 1000)
                .put("text", text);
        message.putObject("from")
                .put("id", chat)
                .put("is_bot", false)
                .put("first_name", "Camille")
                .put("language_code", "fr");
        message.putObject("chat").put("id", chat).put("first_name", "Camille").put("type", "private");
        HttpRequest request = HttpRequest.newBuilder(uri("/webhooks/telegram/bank"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", BOT_SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(update)))
                .build();
        assertThat(send(request).statusCode()).isEqualTo(200);
    }

    private List<String> telegramTexts(long chat) {
        return TELEGRAM.sent(BOT_TOKEN, Long.toString(chat)).stream()
                .map(FakeTelegramApi.Call::text)
                .toList();
    }

    private String awaitTelegram(long chat, String part) {
        TELEGRAM.await(calls -> telegramTexts(chat).stream().anyMatch(t -> t.contains(part)), Duration.ofSeconds(30));
        return telegramTexts(chat).stream()
                .filter(t -> t.contains(part))
                .findFirst()
                .orElseThrow();
    }

    // --- WeChat -----------------------------------------------------------------------------

    /** "balance" gets the link offer in the passive reply; the chat hears by customer-service message. */
    private void linkWeChat(String follower, DemoCustomer customer) {
        String offer = weChat(text(follower, "balance"));
        Matcher link = LINK.matcher(offer);
        assertThat(link.find()).as("a link offer in %s", offer).isTrue();
        signIn(link.group(), customer);
        assertThat(awaitWeChatAlert(follower, "WeChat")).isNotBlank();
    }

    /** Posts a message in safe mode (encrypted and signed) and returns the passive reply's text. */
    private String weChat(Map<String, String> message) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(IDS.incrementAndGet());
        String encrypted = CRYPTO.encrypt(WeChatXml.write(message));
        Map<String, String> envelope = new java.util.LinkedHashMap<>();
        envelope.put("ToUserName", ACCOUNT);
        envelope.put("Encrypt", encrypted);
        HttpRequest request = HttpRequest.newBuilder(uri(
                        "/webhooks/wechat?signature=" + CRYPTO.signature(timestamp, nonce) + "&timestamp=" + timestamp
                                + "&nonce=" + nonce
                                + "&encrypt_type=aes&msg_signature=" + CRYPTO.signature(timestamp, nonce, encrypted)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(WeChatXml.write(envelope), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> answer = send(request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, String> sealed = WeChatXml.parse(answer.body())
                .orElseThrow(() -> new AssertionError("not a passive reply: " + answer.body()));
        Map<String, String> reply = WeChatXml.parse(
                        CRYPTO.decrypt(sealed.get("Encrypt")).orElseThrow())
                .orElseThrow();
        assertThat(reply.get("ToUserName")).isEqualTo(message.get("FromUserName"));
        return reply.get("Content");
    }

    /**
     * The first text the bank sent the follower outside the callback that contains {@code part}:
     * by customer-service message while the 48-hour window is open, else by the alert template.
     */
    private String awaitWeChatAlert(String follower, String part) {
        return Await.until(
                        () -> weChatTexts(follower)
                                .filter(t -> t.contains(part))
                                .findFirst(),
                        Optional::isPresent,
                        Duration.ofSeconds(30),
                        none -> "a WeChat message with \"" + part + "\" to " + follower + "; sent: "
                                + weChatTexts(follower).toList())
                .orElseThrow();
    }

    private static Stream<String> weChatTexts(String follower) {
        Stream<String> custom = WECHAT.calls(CUSTOM_SEND).stream()
                .filter(c -> follower.equals(c.body().path("touser").asString()))
                .map(c -> c.body().path("text").path("content").asString());
        Stream<String> templates = WECHAT.calls(TEMPLATE_SEND).stream()
                .filter(c -> follower.equals(c.body().path("touser").asString()))
                .map(c -> c.body()
                        .path("data")
                        .valueStream()
                        .map(f -> f.path("value").asString())
                        .collect(Collectors.joining("\n")));
        return Stream.concat(custom, templates);
    }

    private static Map<String, String> text(String follower, String content) {
        Map<String, String> xml = envelope(follower, "text");
        xml.put("Content", content);
        xml.put("MsgId", Long.toString(IDS.incrementAndGet()));
        return xml;
    }

    private static Map<String, String> event(String follower, String event, String key) {
        Map<String, String> xml = envelope(follower, "event");
        xml.put("Event", event);
        xml.put("EventKey", key);
        return xml;
    }

    private static Map<String, String> envelope(String follower, String type) {
        Map<String, String> xml = new LinkedHashMap<>();
        xml.put("ToUserName", ACCOUNT);
        xml.put("FromUserName", follower);
        xml.put("CreateTime", Long.toString(System.currentTimeMillis() / 1000));
        xml.put("MsgType", type);
        return xml;
    }

    // --- the bank's pages -------------------------------------------------------------------

    private void signIn(String linkPath, DemoCustomer customer) {
        FormClient browser = new FormClient(port);
        assertThat(browser.get(linkPath).status()).isEqualTo(200);
        browser.post(linkPath, "username", customer.username(), "password", customer.password());
        assertThat(browser.post(linkPath + "/code", "code", lastCode(browser, customer))
                        .html())
                .contains("linked");
    }

    private void confirmOnThePage(String url, DemoCustomer payer) {
        FormClient browser = new FormClient(port);
        String path = URI.create(url).getPath();
        assertThat(browser.get(path).html()).contains("Camille D.").contains("5.00");
        assertThat(browser.post(path, "code", lastCode(browser, payer)).html()).contains("Confirmed");
    }

    private static String lastCode(FormClient browser, DemoCustomer customer) {
        String sms = browser.get("/dev/sms.json?limit=1&to=" + customer.phone().replace("+", "%2B"))
                .html();
        Matcher code = CODE.matcher(sms);
        assertThat(code.find()).as("a code in %s", sms).isTrue();
        return code.group(1);
    }

    private long euros(DemoCustomer customer) {
        return ledger.account(DemoBank.wallet(customer, "EUR")).orElseThrow().balanceMinor();
    }

    /** ICU puts a (narrow) no-break space before the euro sign in French. */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
