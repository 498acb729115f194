package org.socialbank.channels.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialbank.conversation.Conversations;
import org.socialbank.conversation.Inbound;
import org.socialbank.conversation.InboundMessage;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.demo.DemoBank;
import org.socialbank.demo.DemoCustomer;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.directory.Linking;
import org.socialbank.ledger.Ledger;
import org.socialbank.security.otp.OneTimeCodes;
import org.socialbank.shared.Network;
import org.socialbank.support.Await;
import org.socialbank.support.FakeSms;
import org.socialbank.support.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The WeChat channel over real HTTP on a full application, each store (H2 and PostgreSQL
 * subclasses), with WeChat's API played by {@link FakeWeChatApi}: the callback URL's checks, replays,
 * passive replies and the 5-second rule, safe mode, sending with injected errors, the shared
 * access token, unsubscribing, and a customer's way from subscribe to a payment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WeChatContract.Fakes.class)
abstract class WeChatContract {

    static final String APP_ID = WeChatCryptoUnitTests.SAMPLE_APP_ID;
    /** 32 letters and digits: shorter tokens stop the start (security review #2). */
    static final String TOKEN = "Kx7Qm2Lp9Vw4Rt8Zb3Nc6Hd1Fg5Js0Ty";

    static final String AES_KEY = WeChatCryptoUnitTests.SAMPLE_KEY;
    static final String ACCOUNT = "gh_7f083739789a";
    static final FakeWeChatApi WECHAT = new FakeWeChatApi();
    static final AtomicLong MSG_IDS = new AtomicLong(6_000_000_000_000_000_000L);
    static final WeChatCrypto CRYPTO = new WeChatCrypto(TOKEN, APP_ID, AES_KEY);
    static final DemoCustomer ALICE = DemoBank.CUSTOMERS.get(0);
    static final DemoCustomer CAMILLE = DemoBank.CUSTOMERS.get(1);
    static final StalledConnections STALLS = new StalledConnections();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Linking linking;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    WeChatSender sender;

    @Autowired
    WeChatFollowers followers;

    @Autowired
    WeChatApi api;

    @Autowired
    WeChatCallbacks callbacks;

    @Autowired
    FakeSms sms;

    @Autowired
    DirectoryProperties directory;

    @Autowired
    Ledger ledger;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    WeChatRetries retries;

    @Autowired
    Conversations conversations;

    @Autowired
    OneTimeCodes codes;

    @Autowired
    WeChatProperties properties;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Called by each subclass after its store's settings, which it overrides (the demo bank). */
    static void wechat(DynamicPropertyRegistry registry) {
        registry.add("socialbank.demo.enabled", () -> "true"); // Alice and Camille of the demo bank
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.channels.wechat.app-id", () -> APP_ID);
        registry.add("socialbank.channels.wechat.app-secret", () -> "app-secret");
        registry.add("socialbank.channels.wechat.token", () -> TOKEN);
        registry.add("socialbank.channels.wechat.encoding-aes-key", () -> AES_KEY);
        registry.add("socialbank.channels.wechat.api-base-url", WECHAT::url);
        registry.add("socialbank.channels.wechat.alert-template-id", () -> "TPL_ALERT");
        registry.add("socialbank.channels.wechat.alert-template-ids.fr", () -> "TPL_ALERT_FR");
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        registry.add("socialbank.channels.wechat.oauth-base-url", WECHAT::url);
        registry.add("socialbank.campaigns.send-interval", () -> "1h"); // issue 17: the test drives campaigns
        registry.add("socialbank.channels.wechat.mass-send-interval", () -> "1h"); // and the mass sends
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {
        @Bean
        FakeSms fakeSms() {
            return new FakeSms();
        }

        @Bean
        static BeanPostProcessor stalledConnections() {
            return STALLS.wrapper();
        }
    }

    // --- the callback URL ---------------------------------------------------------------

    @Test
    void theUrlCheckEchoesOnlyForTheRightFreshSignature() throws Exception {
        String timestamp = now();
        String nonce = Long.toString(MSG_IDS.incrementAndGet());
        String signature = CRYPTO.signature(timestamp, nonce);
        HttpResponse<String> ok = get("/webhooks/wechat?signature=" + signature + "&timestamp=" + timestamp + "&nonce="
                + nonce + "&echostr=hello123");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello123");
        HttpResponse<String> forged = get("/webhooks/wechat?signature=" + forge(signature) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&echostr=hello123");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain("hello123");
        String old = Long.toString(Long.parseLong(now()) - 600);
        HttpResponse<String> stale = get("/webhooks/wechat?signature=" + CRYPTO.signature(old, nonce) + "&timestamp="
                + old + "&nonce=" + nonce + "&echostr=hello123");
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).doesNotContain("hello123");
    }

    @Test
    @DisplayName("review 2026-12-07 channels #4: the URL check echoes only an echostr shaped as WeChat's, as plain "
            + "text, once per signed (timestamp, nonce)")
    void theUrlCheckEchoesOnlyWeChatsEchostrAndOnlyOnce() throws Exception {
        String timestamp = now();
        String nonce = Long.toString(MSG_IDS.incrementAndGet());
        String signed = "/webhooks/wechat?signature=" + CRYPTO.signature(timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce;
        for (String spoof :
                List.of("", "%3Ch1%3EBank%20closed%3C%2Fh1%3E", "call%2B33100", "a-b", "caf%C3%A9", "9".repeat(65))) {
            HttpResponse<String> refused = get(signed + "&echostr=" + spoof);
            assertThat(refused.statusCode()).as(spoof).isEqualTo(400);
            assertThat(refused.body()).as(spoof).contains("bad_echostr").doesNotContain("Bank closed");
        }
        // none of those used the pair up: WeChat's own check is served, once
        HttpResponse<String> ok = get(signed + "&echostr=1368519312469262262");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1368519312469262262");
        assertThat(ok.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        for (String echostr : List.of("1368519312469262262", "BankClosed")) {
            HttpResponse<String> replayed = get(signed + "&echostr=" + echostr);
            assertThat(replayed.statusCode()).as(echostr).isEqualTo(401);
            assertThat(replayed.body()).contains("replayed_request").doesNotContain(echostr);
        }

        // a push's signed URL, as a proxy's log keeps it, serves no URL check afterwards
        String user = newUser();
        String pushed = now();
        String pushNonce = Long.toString(MSG_IDS.incrementAndGet());
        String encrypted = CRYPTO.encrypt(WeChatXml.write(text(user, "help", MSG_IDS.incrementAndGet())));
        String push = "/webhooks/wechat?signature=" + CRYPTO.signature(pushed, pushNonce) + "&timestamp=" + pushed
                + "&nonce=" + pushNonce;
        assertThat(passive(post(
                                push + "&encrypt_type=aes&msg_signature="
                                        + CRYPTO.signature(pushed, pushNonce, encrypted),
                                envelope(encrypted)))
                        .get("Content"))
                .isNotBlank();
        HttpResponse<String> fromTheLog = get(push + "&echostr=BankClosed");
        assertThat(fromTheLog.statusCode()).isEqualTo(401);
        assertThat(fromTheLog.body()).contains("replayed_request").doesNotContain("BankClosed");
    }

    @Test
    void aForgedMessageIsRefusedAndNothingIsStored() throws Exception {
        String user = newUser();
        long msgId = MSG_IDS.incrementAndGet();
        HttpResponse<String> forged = postEncrypted(WeChatXml.write(text(user, "help", msgId)), CRYPTO, true);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(inbox("m:" + msgId)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM channel_identities WHERE external_id = ?")
                        .param(user)
                        .query(Integer.class)
                        .single())
                .isZero();

        HttpResponse<String> garbage = postSealed("<xml><Content>no sender</Content></xml>");
        assertThat(garbage.statusCode()).isEqualTo(400);
        HttpResponse<String> doctype =
                postSealed("<!DOCTYPE xml [<!ENTITY e \"x\">]><xml><Content>&e;</Content></xml>");
        assertThat(doctype.statusCode()).isEqualTo(400);
    }

    // --- security review #2 (issue 12): no downgrade to plain mode, no replay ---------------

    @Test
    @DisplayName("security review #2: with a key configured, a plain POST with a captured signature triple is refused")
    void aPlainPostWithACapturedSignatureIsRefusedWhenSafeModeIsConfigured() throws Exception {
        String user = newUser();
        String timestamp = now();
        String nonce = Long.toString(MSG_IDS.incrementAndGet());
        String captured = "signature=" + CRYPTO.signature(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
                + nonce + "&openid=" + user;
        for (String query : List.of(captured, captured + "&encrypt_type=raw", captured + "&encrypt_type=aes")) {
            long msgId = MSG_IDS.incrementAndGet();
            HttpResponse<String> plain =
                    post("/webhooks/wechat?" + query, WeChatXml.write(text(user, "pay $mule 100", msgId)));
            assertThat(plain.statusCode()).as(query).isEqualTo(401);
            assertThat(plain.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(inbox("m:" + msgId)).isZero();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM channel_identities WHERE external_id = ?")
                        .param(user)
                        .query(Integer.class)
                        .single())
                .as("nothing was handled")
                .isZero();
    }

    @Test
    @DisplayName("security review #2: the same signed request is served once; a replay is refused on any node")
    void aReplayedNonceIsRefused() throws Exception {
        String user = newUser();
        String timestamp = now();
        String nonce = Long.toString(MSG_IDS.incrementAndGet());
        long msgId = MSG_IDS.incrementAndGet();
        String encrypted = CRYPTO.encrypt(WeChatXml.write(text(user, "help", msgId)));
        String path = "/webhooks/wechat?signature=" + CRYPTO.signature(timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                + CRYPTO.signature(timestamp, nonce, encrypted);
        String envelope = envelope(encrypted);
        assertThat(passive(post(path, envelope)).get("Content")).isNotBlank();
        HttpResponse<String> replay = post(path, envelope);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("replayed_request");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wechat_nonces WHERE signed_at = ? AND nonce = ?")
                        .params(Long.parseLong(timestamp), nonce)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("review of fix-a: in safe mode the URL signature is checked before the body is read")
    void aSafeModePushWithoutItsUrlSignatureIsRefusedBeforeItsBodyIsRead() throws Exception {
        String user = newUser();
        for (boolean forged : new boolean[] {true, false}) {
            String timestamp = now();
            String nonce = Long.toString(MSG_IDS.incrementAndGet());
            long msgId = MSG_IDS.incrementAndGet();
            String encrypted = CRYPTO.encrypt(WeChatXml.write(text(user, "help", msgId)));
            String signed = "timestamp=" + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                    + CRYPTO.signature(timestamp, nonce, encrypted);
            String signature = CRYPTO.signature(timestamp, nonce);
            String unsigned = "/webhooks/wechat?" + signed + (forged ? "&signature=" + forge(signature) : "");
            // a valid msg_signature does not stand in for the URL's signature, which WeChat always sends
            for (String body : List.of(
                    envelope(encrypted),
                    "<xml><Encrypt>unclosed",
                    "<!DOCTYPE xml [<!ENTITY e \"x\">]><xml>&e;</xml>")) {
                HttpResponse<String> refused = post(unsigned, body);
                assertThat(refused.statusCode())
                        .as("forged %s: %s", forged, body)
                        .isEqualTo(401);
                assertThat(refused.body())
                        .as("the same refusal, whatever the body")
                        .contains("bad_signature");
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            }
            assertThat(inbox("m:" + msgId)).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM wechat_nonces WHERE signed_at = ? AND nonce = ?")
                            .params(Long.parseLong(timestamp), nonce)
                            .query(Integer.class)
                            .single())
                    .as("nothing is recorded for an unsigned request")
                    .isZero();
            // the same push as WeChat sends it, with its URL signature, is served
            HttpResponse<String> served =
                    post("/webhooks/wechat?signature=" + signature + "&" + signed, envelope(encrypted));
            assertThat(passive(served).get("Content")).isNotBlank();
        }
    }

    @Test
    @DisplayName("security review #2: a timestamp more than 5 minutes from the bank's clock is refused")
    void anOldOrFutureTimestampIsRefused() throws Exception {
        String user = newUser();
        for (long shift : new long[] {-400, 400, -86_400}) {
            long msgId = MSG_IDS.incrementAndGet();
            String timestamp = Long.toString(Long.parseLong(now()) + shift);
            HttpResponse<String> answer =
                    postEncrypted(WeChatXml.write(text(user, "help", msgId)), CRYPTO, false, timestamp);
            assertThat(answer.statusCode()).as("shifted %ds", shift).isEqualTo(401);
            assertThat(answer.body()).contains("stale_request");
            assertThat(inbox("m:" + msgId)).isZero();
        }
        long recent = MSG_IDS.incrementAndGet();
        assertThat(postEncrypted(
                                WeChatXml.write(text(user, "help", recent)),
                                CRYPTO,
                                false,
                                Long.toString(Long.parseLong(now()) - 200))
                        .statusCode())
                .as("within the window")
                .isEqualTo(200);
    }

    @Test
    @DisplayName("security review #2: in plain mode the callback's answer says nothing; the reply goes to the follower")
    void inPlainModeThePassiveReplyIsNeutralAndTheAnswerGoesThroughTheCustomerServiceApi() throws Exception {
        String user = newUser();
        Optional<String> passive = callbacks.answer(
                text(user, "help", MSG_IDS.incrementAndGet()),
                System.nanoTime() + Duration.ofSeconds(3).toNanos(),
                false);
        assertThat(passive).as("no engine answer in a plain passive reply").isEmpty();
        FakeWeChatApi.Call sent = WECHAT.await(
                WeChatSender.CUSTOM_SEND,
                c -> user.equals(c.body().path("touser").asString()));
        assertThat(sent.body().path("text").path("content").asString()).isNotBlank();
        Optional<String> welcome = callbacks.answer(
                event(user, "subscribe", "qrscene_42", now()),
                System.nanoTime() + Duration.ofSeconds(3).toNanos(),
                false);
        assertThat(welcome.orElse(""))
                .as("a public welcome may still be passive")
                .doesNotContain("/link/");
    }

    @Test
    void helpIsAnsweredInTheCallbackAndNotSentAgain() throws Exception {
        String user = newUser();
        HttpResponse<String> answer = postSealed(WeChatXml.write(text(user, "help", MSG_IDS.incrementAndGet())));
        Map<String, String> reply = passive(answer);
        assertThat(reply.get("ToUserName")).isEqualTo(user);
        assertThat(reply.get("FromUserName")).isEqualTo(ACCOUNT);
        assertThat(reply.get("MsgType")).isEqualTo("text");
        assertThat(reply.get("Content")).isNotBlank();
        // the callback handled the message before it answered, and its reply row was taken as sent:
        // once no row to the follower is unsent, nothing else can leave
        Await.until(() -> outboxTo(user, true) == 0, "every reply to " + user + " is settled");
        assertThat(customTo(user)).isEmpty();
    }

    @Test
    void aRetriedMessageIsHandledOnceAndDistinctEventsAreNot() throws Exception {
        String user = newUser();
        long msgId = MSG_IDS.incrementAndGet();
        Map<String, String> message = text(user, "help", msgId);
        assertThat(passive(postSealed(WeChatXml.write(message))).get("Content")).isNotBlank();
        HttpResponse<String> retry = postSealed(WeChatXml.write(message));
        assertThat(retry.body()).isEqualTo("success");
        assertThat(inbox("m:" + msgId)).isEqualTo(1);

        String second = "1700000100";
        postSealed(WeChatXml.write(event(user, "CLICK", "BALANCE", second)));
        postSealed(WeChatXml.write(event(user, "CLICK", "BILLS", second)));
        postSealed(WeChatXml.write(event(user, "CLICK", "BILLS", second))); // WeChat's retry
        assertThat(inbox("e:" + user + ":" + second + ":click:BALANCE")).isEqualTo(1);
        assertThat(inbox("e:" + user + ":" + second + ":click:BILLS")).isEqualTo(1);
    }

    @Test
    void safeModeDecryptsAndEncryptsAndRefusesOtherAppIds() throws Exception {
        String user = newUser();
        Map<String, String> reply =
                passive(postEncrypted(WeChatXml.write(text(user, "help", MSG_IDS.incrementAndGet())), CRYPTO, false));
        assertThat(reply.get("ToUserName")).isEqualTo(user);
        assertThat(reply.get("Content")).isNotBlank();

        long otherId = MSG_IDS.incrementAndGet();
        WeChatCrypto otherApp = new WeChatCrypto(TOKEN, "wx0000000000000000", AES_KEY);
        assertThat(postEncrypted(WeChatXml.write(text(user, "help", otherId)), otherApp, false)
                        .statusCode())
                .isEqualTo(401);
        long forgedId = MSG_IDS.incrementAndGet();
        assertThat(postEncrypted(WeChatXml.write(text(user, "help", forgedId)), CRYPTO, true)
                        .statusCode())
                .isEqualTo(401);
        assertThat(inbox("m:" + otherId) + inbox("m:" + forgedId)).isZero();
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: slow work is kept under its node's lease before success is"
            + " answered, then answered by a customer-service message, and leaves no row once it completes")
    void slowWorkIsAnsweredEmptyAtOnceAndThenByACustomerServiceMessage() throws Exception {
        String user = newUser();
        passive(postSealed(WeChatXml.write(text(user, "help", MSG_IDS.incrementAndGet())))); // the conversation exists
        ChannelIdentity identity = identityOf(user);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        ExecutorService lockHolder = Executors.newSingleThreadExecutor();
        Future<?> lock = lockHolder.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            jdbc.sql("SELECT version FROM conversations WHERE identity_id = ? FOR UPDATE")
                    .param(identity.id().value())
                    .query(Long.class)
                    .single();
            locked.countDown();
            awaitQuietly(answered); // past the passive reply's budget: the engine waits for this lock
        }));
        locked.await();
        long msgId = MSG_IDS.incrementAndGet();
        String id = "m:" + msgId;
        HttpResponse<String> answer;
        try {
            answer = postSealed(WeChatXml.write(text(user, "help", msgId)));
            // the work still waits for the lock: its message is kept, under this node's lease
            assertThat(jdbc.sql(
                                    "SELECT COUNT(*) FROM wechat_retries WHERE message_id = ? AND status = 'retry' "
                                            + "AND lease_holder IS NOT NULL AND lease_until > next_try_at AND message NOT LIKE ?")
                            .params(id, "%" + user + "%")
                            .query(Integer.class)
                            .single())
                    .as("kept, sealed, before success was answered")
                    .isEqualTo(1);
            assertThat(retries.claim(id, java.time.Instant.now()))
                    .as("no round takes it meanwhile")
                    .isEmpty();
        } finally {
            answered.countDown();
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        lock.get();
        lockHolder.shutdown();
        FakeWeChatApi.Call sent = WECHAT.await(
                WeChatSender.CUSTOM_SEND,
                c -> user.equals(c.body().path("touser").asString()));
        assertThat(sent.body().path("msgtype").asString()).isEqualTo("text");
        assertThat(sent.body().path("text").path("content").asString()).isNotBlank();
        assertThat(sent.token()).startsWith("token-" + APP_ID);
        Await.until(() -> retryRows(id) == 0, "the completed work's row gone");
        assertThat(inbox(id)).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("review 2026-12-07 channels #2: work that outlives the callback and then fails for the database is"
            + " logged without its text, tried again, handled once and answered")
    void lateWorkThatFailsForTheDatabaseIsTriedAgainHandledOnceAndAnswered(CapturedOutput output) throws Exception {
        Follower follower = settledFollower();
        String user = follower.user();

        long msgId = MSG_IDS.incrementAndGet();
        String id = "m:" + msgId;
        String words = "help me with my money zq" + msgId; // in no log line
        // the engine's connection waits past the passive reply's budget, then the pool gives up
        STALLS.once(properties.passiveReplyBudget().plusSeconds(2));
        long asked = System.nanoTime();
        HttpResponse<String> answer = postSealed(WeChatXml.write(text(user, words, msgId)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(4_500));

        Await.until(() -> STALLS.spent() && inbox(id) == 1 && retryRows(id) == 0, id + " handled on a retry");
        Await.until(() -> outboxTo(user, true) == 0, "the late answer is settled");
        long replies = outboxTo(user, false) - follower.replied();
        List<FakeWeChatApi.Call> late = answeredSince(follower);
        assertThat(late.get(0).body().path("text").path("content").asString()).isNotBlank();

        assertThat(output.getAll())
                .contains(
                        "wechat message " + id + ": its handling failed after its callback was answered"
                                + " (CannotCreateTransactionException < SQLTransientConnectionException); kept to be tried again")
                .contains("wechat message " + id + ": handled on try 1")
                .doesNotContain(words)
                .doesNotContain("zq" + msgId);
        assertThat(retries.retryDue()).as("nothing left to try").isZero();
        assertThat(inbox(id)).isEqualTo(1);
        assertThat(outboxTo(user, false) - follower.replied()).isEqualTo(replies);
    }

    @Test
    @DisplayName("review 2026-12-07 channels #2: a kept message is claimed by one node at a time; a stopped node's"
            + " claim expires; a repeat after a commit is a duplicate")
    void aKeptMessageIsRunByOneNodeAtATime() throws Exception {
        String user = newUser();
        passive(postSealed(WeChatXml.write(text(user, "help", MSG_IDS.incrementAndGet()))));
        String id = "m:" + MSG_IDS.incrementAndGet();
        InboundMessage message = new InboundMessage(Network.WECHAT, id, user, null, null, new Inbound.Text("help"));
        java.time.Instant later = java.time.Instant.now().plus(Duration.ofHours(1)); // out of this node's rounds
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            retries.keep(message, new java.sql.SQLTransientConnectionException("pool exhausted"));
            jdbc.sql("UPDATE wechat_retries SET next_try_at = ? WHERE message_id = ?")
                    .params(org.socialbank.shared.jdbc.Timestamps.utc(later), id)
                    .update();
        });
        retries.keep(message, new java.sql.SQLTransientConnectionException("pool exhausted")); // kept once
        assertThat(retryRows(id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT message FROM wechat_retries WHERE message_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .as("sealed at rest")
                .startsWith("sealed:v1:")
                .doesNotContain(user);

        WeChatRetries otherNode = node(Clock.systemUTC());
        java.time.Instant now = later;
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Boolean> first = nodes.submit(() -> {
            start.await();
            return retries.claim(id, now).isPresent();
        });
        Future<Boolean> second = nodes.submit(() -> {
            start.await();
            return otherNode.claim(id, now).isPresent();
        });
        start.countDown();
        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        nodes.shutdown();
        assertThat(retries.claim(id, now.plusSeconds(60))).as("held").isEmpty();

        // the holder stopped before running it: once its lease ends, another node takes it
        WeChatRetries thirdNode = node(Clock.offset(
                Clock.systemUTC(),
                Duration.ofHours(1).plus(properties.lateWorkLease()).plusSeconds(1)));
        assertThat(thirdNode.retryDue()).isEqualTo(1);
        assertThat(retryRows(id)).isZero();
        assertThat(inbox(id)).isEqualTo(1);

        retries.keep(message, new java.sql.SQLTransientConnectionException("pool exhausted")); // a late repeat
        thirdNode.retryDue(); // or this node's own round: a duplicate for the engine either way
        Await.until(() -> retryRows(id) == 0, "the repeat taken");
        assertThat(inbox(id)).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("review 2026-12-07 channels follow-up: late work whose node stops is run by another node once its"
            + " lease ends, handled and answered once")
    void lateWorkWhoseNodeStopsIsRunByAnotherNodeOnceItsLeaseEnds(CapturedOutput output) throws Exception {
        Follower follower = settledFollower();
        String user = follower.user();
        long msgId = MSG_IDS.incrementAndGet();
        String id = "m:" + msgId;
        STALLS.untilReleased(); // the engine's run gets no further: its node has stopped
        try {
            HttpResponse<String> answer = postSealed(WeChatXml.write(text(user, "help", msgId)));
            assertThat(answer.body()).isEqualTo("success");
            assertThat(retryRows(id)).as("kept before success was answered").isEqualTo(1);
            assertThat(retries.claim(id, java.time.Instant.now()))
                    .as("held by its node")
                    .isEmpty();

            // another node's round, once the stopped node's lease has ended
            WeChatRetries otherNode = node(
                    Clock.offset(Clock.systemUTC(), properties.lateWorkLease().plusSeconds(1)));
            assertThat(otherNode.retryDue()).isEqualTo(1);
            assertThat(retryRows(id)).isZero();
            assertThat(inbox(id)).isEqualTo(1);
            Await.until(() -> outboxTo(user, true) == 0, "the answer is settled");
        } finally {
            STALLS.release(); // the abandoned run fails at last, as a node's restart would end it
        }
        Await.until(
                () -> output.getAll().contains("wechat message " + id + ": no longer held by this run"),
                "the abandoned run's end");
        answeredSince(follower); // once: as many customer-service messages as one turn's replies
        assertThat(retryRows(id)).as("not kept again by the abandoned run").isZero();
        assertThat(retries.retryDue()).isZero();
        assertThat(inbox(id)).isEqualTo(1);
    }

    /** The retries of another node on the same database, with its own clock (its leases not renewed). */
    private WeChatRetries node(Clock clock) {
        return new WeChatRetries(
                jdbc,
                conversations,
                codes,
                properties,
                clock,
                new LateWorkLeases(jdbc, properties, clock, new SimpleMeterRegistry()));
    }

    /** A follower who wrote once and whose replies are all sent, with the counts later answers start from. */
    private record Follower(String user, long replied, int custom) {}

    private Follower settledFollower() throws Exception {
        String user = newUser();
        passive(postSealed(WeChatXml.write(text(user, "help", MSG_IDS.incrementAndGet())))); // the follower exists
        Await.until(() -> outboxTo(user, true) == 0, "the first message's replies are settled");
        return new Follower(user, outboxTo(user, false), customTo(user).size());
    }

    /** The customer-service messages since {@code follower} was settled: one turn's replies, each once. */
    private List<FakeWeChatApi.Call> answeredSince(Follower follower) {
        long replies = outboxTo(follower.user(), false) - follower.replied();
        assertThat(replies).as("one turn's replies").isPositive();
        List<FakeWeChatApi.Call> late = customTo(follower.user())
                .subList(follower.custom(), customTo(follower.user()).size());
        assertThat(late).as("the answer, as customer-service messages").hasSize((int) replies);
        return late;
    }

    /** The outbox rows to a follower, or only those not sent yet. */
    private long outboxTo(String user, boolean unsettledOnly) {
        String unsettled = unsettledOnly ? " AND status <> 'SUCCEEDED'" : "";
        return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?" + unsettled)
                .param(user)
                .query(Long.class)
                .single();
    }

    private int retryRows(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM wechat_retries WHERE message_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    // --- sending ------------------------------------------------------------------------

    @Test
    void sendingSurvivesAnInvalidTokenAndFallsBackToTemplatesOutsideTheWindow() {
        String user = newUser();
        followers.wrote(user);
        int tokensBefore = WECHAT.tokensIssued(APP_ID);
        WECHAT.fail(WeChatSender.CUSTOM_SEND, 40001);
        assertThat(send(user, new Outbound.Text("after 40001"))).isInstanceOf(SendOutcome.Sent.class);
        // (the fake is shared with the other store's context, which may fetch tokens too: hence "greater")
        assertThat(WECHAT.tokensIssued(APP_ID)).as("refreshed").isGreaterThan(tokensBefore);
        List<FakeWeChatApi.Call> tries = customTo(user).stream()
                .filter(c -> c.body().path("text").path("content").asString().equals("after 40001"))
                .toList();
        assertThat(tries).as("tried once more, not again and again").hasSize(2);
        assertThat(tries.get(1).token()).isNotEqualTo(tries.get(0).token());

        WECHAT.fail(WeChatSender.CUSTOM_SEND, 500);
        SendOutcome unavailable = send(user, new Outbound.Text("during 5xx"));
        assertThat(unavailable)
                .isInstanceOfSatisfying(
                        SendOutcome.Failed.class, f -> assertThat(f.retryable()).isTrue());

        WECHAT.fail(WeChatSender.CUSTOM_SEND, 45015);
        UUID alertId = UUID.randomUUID();
        assertThat(sender.send(
                        message(alertId, user, new Outbound.Receipt("Received €5.00", List.of("from Alice W."))),
                        alertId.toString()))
                .isInstanceOf(SendOutcome.Sent.class);
        FakeWeChatApi.Call template = WECHAT.await(
                WeChatSender.TEMPLATE_SEND,
                c -> user.equals(c.body().path("touser").asString()));
        assertThat(template.body().path("template_id").asString()).isEqualTo("TPL_ALERT");
        assertThat(template.body().path("client_msg_id").asString()).isEqualTo(alertId.toString());
        assertThat(template.body().path("data").path("first").path("value").asString())
                .isEqualTo("Received €5.00");
        assertThat(template.body().path("data").path("keyword1").path("value").asString())
                .isEqualTo("from Alice W.");

        // issue 17: a follower linked to a customer who reads French gets the French template
        String french = newUser();
        ChannelIdentity frenchIdentity = identities.identify(Network.WECHAT, french, null, null);
        jdbc.sql("UPDATE channel_identities SET customer_id = ?, linked_at = ? WHERE id = ?")
                .params(
                        DemoBank.CUSTOMERS.get(1).customerId().value(),
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                        frenchIdentity.id().value())
                .update();
        UUID frenchAlert = UUID.randomUUID();
        assertThat(sender.send(message(frenchAlert, french, new Outbound.Text("Reçu 5,00 €")), frenchAlert.toString()))
                .isInstanceOf(SendOutcome.Sent.class);
        FakeWeChatApi.Call frenchTemplate = WECHAT.await(
                WeChatSender.TEMPLATE_SEND,
                c -> french.equals(c.body().path("touser").asString()));
        assertThat(frenchTemplate.body().path("template_id").asString()).isEqualTo("TPL_ALERT_FR");
        assertThat(frenchTemplate.body().path("client_msg_id").asString()).isEqualTo(frenchAlert.toString());

        int customBefore = customTo(user).size();
        SendOutcome buttons = send(user, new Outbound.Buttons("Pay?", List.of(new Outbound.Button("Yes", "r1"))));
        assertThat(buttons)
                .as("the window is known closed; buttons cannot go as a template")
                .isInstanceOfSatisfying(
                        SendOutcome.Failed.class, f -> assertThat(f.retryable()).isFalse());
        assertThat(customTo(user)).hasSize(customBefore);

        followers.wrote(user); // the follower writes again: the window opens
        assertThat(send(user, new Outbound.Text("window open again"))).isInstanceOf(SendOutcome.Sent.class);
    }

    @Test
    void theMenuIsSetAtStart() {
        FakeWeChatApi.Call menu = WECHAT.await(WeChatMenu.MENU_CREATE, c -> true);
        List<String> keys = new ArrayList<>();
        menu.body().path("button").forEach(b -> {
            keys.add(b.path("key").asString(""));
            b.path("sub_button").forEach(s -> keys.add(s.path("key").asString()));
        });
        assertThat(keys).contains("BALANCE", "PAY", "BILLS", "BRANCHES", "ASSISTANT");
        assertThat(menu.body().path("button")).hasSize(3);
    }

    @Test
    void twoNodesRefreshTheTokenOnce() throws Exception {
        String appId = "wxrace" + UUID.randomUUID().toString().substring(0, 8);
        WeChatProperties properties = plainAccount(appId);
        WeChatAccessTokens nodeA = new WeChatAccessTokens(jdbc, api, properties, Clock.systemUTC());
        WeChatAccessTokens nodeB = new WeChatAccessTokens(jdbc, api, properties, Clock.systemUTC());
        WECHAT.tokenDelay(Duration.ofMillis(400));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<String>>> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                WeChatAccessTokens node = i % 2 == 0 ? nodeA : nodeB;
                tokens.add(pool.submit(() -> {
                    start.await();
                    return node.current();
                }));
            }
            start.countDown();
            for (Future<Optional<String>> token : tokens) {
                assertThat(token.get()).contains("token-" + appId + "-1");
            }
        } finally {
            WECHAT.tokenDelay(Duration.ZERO);
            pool.shutdown();
        }
        assertThat(WECHAT.tokensIssued(appId)).isEqualTo(1);

        nodeA.invalidate("token-" + appId + "-1");
        assertThat(nodeB.current()).contains("token-" + appId + "-2");
        assertThat(nodeA.current()).contains("token-" + appId + "-2");
        assertThat(WECHAT.tokensIssued(appId)).isEqualTo(2);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("review of fix-a: a token answer the bank cannot use is logged without the token")
    void aTokenAnswerWithoutALifetimeIsLoggedWithoutTheToken(CapturedOutput output) {
        String appId = "wxlife" + UUID.randomUUID().toString().substring(0, 8);
        WECHAT.tokensWithoutLifetime(appId);
        WeChatAccessTokens tokens = new WeChatAccessTokens(jdbc, api, plainAccount(appId), Clock.systemUTC());
        assertThat(tokens.current()).isEmpty();
        assertThat(WECHAT.tokensIssued(appId)).isEqualTo(1);
        assertThat(output.getAll()).contains("WeChat gave no access token").doesNotContain("token-" + appId);
    }

    /** Another account on the fake, in plain mode: its own row of access tokens. */
    private static WeChatProperties plainAccount(String appId) {
        return new WeChatProperties(
                appId,
                "secret",
                TOKEN,
                "",
                URI.create(WECHAT.url()),
                false,
                "zh",
                Duration.ofMillis(3500),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                20,
                "",
                Map.of(),
                null,
                URI.create(WECHAT.url()),
                java.util.Set.of(),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30));
    }

    // --- a customer's way ---------------------------------------------------------------

    @Test
    void subscribeLinkBalanceAndPayAnotherCustomerByPhone() throws Exception {
        String user = newUser();
        String welcome = passive(postSealed(WeChatXml.write(event(user, "subscribe", "qrscene_42", now()))))
                .get("Content");
        assertThat(welcome).isNotBlank();

        String offer = passive(postSealed(WeChatXml.write(text(user, "balance", MSG_IDS.incrementAndGet()))))
                .get("Content");
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\">").matcher(offer);
        assertThat(link.find()).as("a link offer: %s", offer).isTrue();
        linkAsAlice(pageOpenedInWeChat(user, link.group(1)));
        FakeWeChatApi.Call linked = WECHAT.await(
                WeChatSender.CUSTOM_SEND,
                c -> user.equals(c.body().path("touser").asString()));
        assertThat(linked.body().path("text").path("content").asString()).contains("WeChat");

        String balance = passive(postSealed(WeChatXml.write(text(user, "balance", MSG_IDS.incrementAndGet()))))
                .get("Content");
        assertThat(balance).contains("500");

        long aliceBefore = euros(ALICE);
        long camilleBefore = euros(CAMILLE);
        String confirm = passive(
                        postSealed(WeChatXml.write(text(user, "pay +33612345678 5 EUR", MSG_IDS.incrementAndGet()))))
                .get("Content");
        Matcher button =
                Pattern.compile("msgmenuid=([A-Za-z0-9_-]+)\">([^<]+)</a>").matcher(confirm);
        assertThat(button.find()).as("menu links: %s", confirm).isTrue();
        Map<String, String> press = text(user, button.group(2), MSG_IDS.incrementAndGet());
        press.put("bizmsgmenuid", button.group(1));
        // the first payment from a chat linked today waits for the bank's step-up page
        String held = passive(postSealed(WeChatXml.write(press))).get("Content");
        Matcher page = Pattern.compile("<a href=\"([^\"]+)\">").matcher(held);
        assertThat(page.find()).as("a confirmation link: %s", held).isTrue();
        assertThat(euros(ALICE)).as("nothing moves before the confirmation").isEqualTo(aliceBefore);
        confirmAsAlice(pageOpenedInWeChat(user, page.group(1)));

        FakeWeChatApi.Call done = WECHAT.await(
                WeChatSender.CUSTOM_SEND,
                c -> user.equals(c.body().path("touser").asString())
                        && c.body().path("text").path("content").asString().contains("is done"));
        assertThat(done.body().path("text").path("content").asString()).contains("5.00");
        // the alert is written in the transaction that moved the money: this payment, and only it, moved
        assertThat(euros(ALICE)).isEqualTo(aliceBefore - 500);
        assertThat(euros(CAMILLE)).isEqualTo(camilleBefore + 500);
    }

    @Test
    void unsubscribingForgetsTheFollower() throws Exception {
        String user = newUser();
        passive(postSealed(WeChatXml.write(event(user, "subscribe", "", now()))));
        ChannelIdentity identity = identityOf(user);
        assertThat(linking.offerPhoneLink(identity.id(), "+919876543210")).isPresent(); // Alice's phone
        assertThat(followers.lastWrote(user)).isPresent();

        assertThat(postSealed(WeChatXml.write(event(user, "unsubscribe", "", now())))
                        .body())
                .isEqualTo("success");
        assertThat(identities.linkedCustomer(identity.id())).isEmpty();
        assertThat(identities.identity(identity.id()).orElseThrow().reachable()).isFalse();
        assertThat(followers.lastWrote(user)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversations WHERE identity_id = ?")
                        .param(identity.id().value())
                        .query(Integer.class)
                        .single())
                .as("the dialogue state is forgotten too")
                .isZero();
    }

    @Autowired
    org.socialbank.campaigns.jdbc.JdbcCampaigns campaigns;

    @Autowired
    org.socialbank.campaigns.CampaignSender campaignSender;

    @Autowired
    org.socialbank.consent.Consents consents;

    @Autowired
    WeChatMassSends massSends;

    /** A follower who gave marketing consent and has not written in 48 hours (never, here). */
    private String consentingFollower() {
        String user = newUser();
        identities.identify(Network.WECHAT, user, null, null);
        org.socialbank.support.MarketingConsents.give(consents, Network.WECHAT, user);
        return user;
    }

    private String delivery(UUID campaign, String user, String state) {
        String sql =
                "SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ? AND delivery = ?";
        Await.until(
                () -> jdbc.sql(sql)
                                .params(campaign, user, state)
                                .query(Integer.class)
                                .single()
                        == 1,
                Duration.ofSeconds(20),
                () -> user + " " + state);
        return jdbc.sql(
                        "SELECT delivery_reason FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?")
                .params(campaign, user)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /**
     * Issue 17, 3.13: a campaign to followers outside their 48-hour window goes by one mass send
     * (never a template message), with the campaign's link instead of each one's tracked link; a
     * follower whose 4 mass messages of the month are used fails with that reason; the
     * MASSSENDJOBFINISH event's counts are kept and mark the recipients delivered.
     */
    @Test
    void outsideTheWindowACampaignGoesByOneMassSendAndItsFinishEventDeliversIt() throws Exception {
        String ana = consentingFollower();
        String bo = consentingFollower();
        String full = consentingFollower();
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 4; i++) { // four mass messages of this month already
            jdbc.sql("INSERT INTO wechat_mass_recipients (outbox_id, campaign_id, open_id, text_hash, text, status, "
                            + "created_at, sent_at) VALUES (?, ?, ?, 'h', 't', 'sent', ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            full,
                            java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                            java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                    .update();
        }
        UUID campaign = UUID.randomUUID();
        campaigns.insert(
                campaign,
                "Savings week",
                Network.WECHAT,
                Map.of("en", "Savings week: 3% on new savings."),
                Map.of(),
                new org.socialbank.campaigns.CampaignRules(2, null, null, java.util.Set.of(), java.util.Set.of(), 0),
                "maker",
                now);
        campaigns.scheduleAndLink(campaign, null, "https://bank.example/savings");
        campaigns.approve(campaign, "checker", now);
        campaigns.queue(campaign, Network.WECHAT, List.of(ana, bo, full), List.of("A", "A", "A"), now);
        campaigns.expanded(campaign, now);
        campaignSender.sendRound();

        assertThat(delivery(campaign, full, "failed")).contains("4 mass messages a month");
        Await.until(
                () -> jdbc.sql(
                                        "SELECT COUNT(*) FROM wechat_mass_recipients WHERE campaign_id = ? AND status = 'waiting'")
                                .param(campaign)
                                .query(Integer.class)
                                .single()
                        == 2,
                Duration.ofSeconds(20),
                () -> "ana and bo waiting for the mass send");
        assertThat(massSends.sendWaiting()).isEqualTo(2);
        FakeWeChatApi.Call mass = WECHAT.await(
                FakeWeChatApi.MASS_SEND, c -> c.body().path("touser").toString().contains(ana));
        assertThat(mass.body().path("touser").size()).isEqualTo(2);
        assertThat(mass.body().path("text").path("content").asString())
                .contains("Savings week")
                .contains("https://bank.example/savings")
                .doesNotContain("/c/");
        assertThat(delivery(campaign, ana, "accepted")).isNullOrEmpty();

        long msgId = jdbc.sql("SELECT msg_id FROM wechat_mass_recipients WHERE outbox_id = ("
                        + "SELECT message_id FROM campaign_recipients WHERE campaign_id = ? AND external_user_id = ?)")
                .params(campaign, ana)
                .query(Long.class)
                .single();
        FakeWeChatApi.MassJob job = WECHAT.massJob(msgId);
        Map<String, String> finished = event("oSystemMassSend", "MASSSENDJOBFINISH", "", now());
        finished.put("MsgID", Long.toString(msgId));
        finished.put("Status", job.status());
        finished.put("TotalCount", Integer.toString(job.total()));
        finished.put("FilterCount", Integer.toString(job.filtered()));
        finished.put("SentCount", Integer.toString(job.sent()));
        finished.put("ErrorCount", Integer.toString(job.errors()));
        assertThat(postSealed(WeChatXml.write(finished)).body()).isEqualTo("success");
        delivery(campaign, ana, "delivered");
        delivery(campaign, bo, "delivered");
        assertThat(jdbc.sql("SELECT sent_count FROM wechat_mass_jobs WHERE msg_id = ?")
                        .param(msgId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(WECHAT.calls(WeChatSender.TEMPLATE_SEND).stream()
                        .filter(c -> List.of(ana, bo, full)
                                .contains(c.body().path("touser").asString())))
                .as("a template message never carries marketing")
                .isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------

    /** Opens a wrapped link as {@code user}'s WeChat browser does; the bank's page it was let through to. */
    String pageOpenedInWeChat(String user, String href) throws Exception {
        HttpResponse<String> back = openInWeChat(user, href);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(directory.url("/"));
        return location;
    }

    /** WeChat's authorisation page (FakeWeChatApi) for {@code user}, then the bank's {@code /wechat/oauth}. */
    HttpResponse<String> openInWeChat(String user, String href) throws Exception {
        String url = href.replace("&amp;", "&");
        assertThat(url).startsWith(WECHAT.url() + FakeWeChatApi.AUTHORIZE + "?").endsWith("#wechat_redirect");
        HttpResponse<String> wechat = http.send(
                HttpRequest.newBuilder(URI.create(url.substring(0, url.indexOf('#'))))
                        .header(FakeWeChatApi.BROWSER_USER, user)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wechat.statusCode()).as(wechat.body()).isEqualTo(302);
        URI back = URI.create(wechat.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(directory.url(WeChatOAuth.CALLBACK + "?next="));
        return get(back.getRawPath() + "?" + back.getRawQuery());
    }

    private void linkAsAlice(String url) {
        FormClient browser = new FormClient(port);
        String path = URI.create(url).getPath();
        assertThat(browser.get(path).html()).contains("name=\"password\"");
        assertThat(browser.post(path, "username", "alice", "password", "alice-demo-2026")
                        .html())
                .contains("6-digit code");
        assertThat(browser.post(path + "/code", "code", sms.lastCode("+919876543210"))
                        .html())
                .contains("linked");
    }

    private void confirmAsAlice(String url) {
        FormClient browser = new FormClient(port);
        String path = URI.create(url).getPath();
        assertThat(browser.get(path).html()).contains("Camille D.");
        assertThat(browser.post(path, "code", sms.lastCode(ALICE.phone())).html())
                .contains("Confirmed");
    }

    private long euros(DemoCustomer customer) {
        return ledger.account(DemoBank.wallet(customer, "EUR")).orElseThrow().balanceMinor();
    }

    SendOutcome send(String user, Outbound content) {
        UUID id = UUID.randomUUID();
        return sender.send(message(id, user, content), id.toString());
    }

    private ChannelIdentity identityOf(String user) {
        UUID id = jdbc.sql("SELECT id FROM channel_identities WHERE channel = 'wechat' AND external_id = ?")
                .param(user)
                .query(UUID.class)
                .single();
        return identities.identity(new org.socialbank.directory.IdentityId(id)).orElseThrow();
    }

    private OutboundMessage message(UUID id, String user, Outbound content) {
        ChannelIdentity identity = identities.identify(Network.WECHAT, user, null, null);
        return new OutboundMessage(id, identity.id(), Network.WECHAT, user, content);
    }

    private List<FakeWeChatApi.Call> customTo(String user) {
        return WECHAT.calls(WeChatSender.CUSTOM_SEND).stream()
                .filter(c -> user.equals(c.body().path("touser").asString()))
                .toList();
    }

    private int inbox(String externalMessageId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_messages WHERE channel = 'wechat' AND external_message_id = ?")
                .param(externalMessageId)
                .query(Integer.class)
                .single();
    }

    static String newUser() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
    }

    static Map<String, String> text(String user, String content, long msgId) {
        Map<String, String> xml = new LinkedHashMap<>();
        xml.put("ToUserName", ACCOUNT);
        xml.put("FromUserName", user);
        xml.put("CreateTime", now());
        xml.put("MsgType", "text");
        xml.put("Content", content);
        xml.put("MsgId", Long.toString(msgId));
        return xml;
    }

    static Map<String, String> event(String user, String event, String key, String createTime) {
        Map<String, String> xml = new LinkedHashMap<>();
        xml.put("ToUserName", ACCOUNT);
        xml.put("FromUserName", user);
        xml.put("CreateTime", createTime);
        xml.put("MsgType", "event");
        xml.put("Event", event);
        xml.put("EventKey", key);
        return xml;
    }

    Map<String, String> passive(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, String> outer = WeChatXml.parse(answer.body())
                .orElseThrow(() -> new AssertionError("not a passive reply: " + answer.body()));
        if (!outer.containsKey("Encrypt")) {
            return outer;
        }
        assertThat(CRYPTO.verify(
                        outer.get("MsgSignature"), outer.get("TimeStamp"), outer.get("Nonce"), outer.get("Encrypt")))
                .isTrue();
        return WeChatXml.parse(CRYPTO.decrypt(outer.get("Encrypt")).orElseThrow())
                .orElseThrow();
    }

    /** Posts in safe mode, as WeChat does when the account's EncodingAESKey is set. */
    HttpResponse<String> postSealed(String xml) throws Exception {
        return postEncrypted(xml, CRYPTO, false);
    }

    private HttpResponse<String> postEncrypted(String xml, WeChatCrypto sealer, boolean forgeMsgSignature)
            throws Exception {
        return postEncrypted(xml, sealer, forgeMsgSignature, now());
    }

    private HttpResponse<String> postEncrypted(
            String xml, WeChatCrypto sealer, boolean forgeMsgSignature, String timestamp) throws Exception {
        String nonce = Long.toString(MSG_IDS.incrementAndGet());
        String encrypted = sealer.encrypt(xml);
        String msgSignature = CRYPTO.signature(timestamp, nonce, encrypted);
        return post(
                "/webhooks/wechat?signature=" + CRYPTO.signature(timestamp, nonce) + "&timestamp=" + timestamp
                        + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                        + URLEncoder.encode(
                                forgeMsgSignature ? forge(msgSignature) : msgSignature, StandardCharsets.UTF_8),
                envelope(encrypted));
    }

    /** Safe mode's outer XML around an {@code Encrypt} value. */
    static String envelope(String encrypted) {
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("ToUserName", ACCOUNT);
        envelope.put("Encrypt", encrypted);
        return WeChatXml.write(envelope);
    }

    HttpResponse<String> post(String path, String xml) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "text/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String forge(String signature) {
        return (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(Await.DEFAULT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
