package org.socialbank.channels.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.branches.Branches;
import org.socialbank.branches.PoisonedBranches;
import org.socialbank.branches.jdbc.JdbcBranches;
import org.socialbank.channels.telegram.FakeTelegramApi;
import org.socialbank.channels.wechat.FakeWeChatApi;
import org.socialbank.channels.wechat.WeChatCrypto;
import org.socialbank.channels.wechat.WeChatXml;
import org.socialbank.demo.DemoBank;
import org.socialbank.demo.DemoCustomer;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.ChannelIdentity;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.shared.Network;
import org.socialbank.support.Await;
import org.socialbank.support.Seeds;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security review #7 (issue 12): a message that breaks the dialogue must not stall its channel.
 * Every adapter's real webhook (Telegram's, and its polling loop, WeChat's in safe mode, the web
 * chat's, X's with a valid signature) is driven over HTTP on one H2 application whose branch
 * search throws for one place ({@link PoisonedBranches}). The outbox relay is off: "answered"
 * means the engine wrote a reply to the outbox (WeChat: the passive reply), which is what the
 * platforms' fakes would then be sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PoisonMessagesIntegrationTests.Poisoned.class)
class PoisonMessagesIntegrationTests {

    static final FakeTelegramApi TELEGRAM = new FakeTelegramApi();
    static final FakeWeChatApi WECHAT = new FakeWeChatApi();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BOT_TOKEN = "931:fuzz-bank";
    static final String POLLER_TOKEN = "932:fuzz-poller";
    static final String BOT_SECRET = "fuzz-bank-secret-0123";
    static final String BOT_NAME = "FuzzBankBot";
    static final String APP_ID = "wxfuzz00000000001";
    static final String ACCOUNT = "gh_fuzz0000001";
    static final String WECHAT_TOKEN = "Zq4Wm8Lr2Tx6Nb0Vc5Hy9Jd3Kf7Gs1Pa";
    static final String WECHAT_KEY = "s5hpUrFF2l8OS9QW87lI6YZLV4lWdYhsHeuDwWqb6tw";
    static final WeChatCrypto CRYPTO = new WeChatCrypto(WECHAT_TOKEN, APP_ID, WECHAT_KEY);
    static final String X_SECRET = "fuzz-consumer-secret";
    static final String X_BANK_ID = "1500000000000000901";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final AtomicLong IDS = new AtomicLong(1_000_000_000L + new SplittableRandom().nextInt(1_000_000) * 1000L);
    static final String POISON = "branches in " + PoisonedBranches.POISON;
    static final int LANES_PER_ADAPTER = 4;
    static final int X_EVENTS_PER_POST = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    JdbcLinking linkingStore;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestConfiguration(proxyBeanMethods = false)
    static class Poisoned {
        @Bean
        @Primary
        Branches poisonedBranches(JdbcBranches store) {
            return new PoisonedBranches(store);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        // no idle connection is closed during the run: H2 binds the constant list of a CHECK ... IN
        // to the session that created it (Flyway's), and the ledger's checks fail once it is closed
        registry.add("spring.datasource.hikari.idle-timeout", () -> "1200000");
        registry.add("socialbank.demo.enabled", () -> "true"); // Alice and Camille, to link chats to
        registry.add("socialbank.web.secure-cookies", () -> "false");
        registry.add("socialbank.conversation.relay-enabled", () -> "false");
        registry.add("socialbank.webchat.messages-per-minute-max", () -> "1000");
        // every visitor of the fuzz comes from 127.0.0.1: without this the address limit (120 a
        // minute) refuses most of them with 429, and the follow-up "help" too on a fast machine
        registry.add("socialbank.webchat.messages-per-address-per-minute-max", () -> "100000");
        String bot = "socialbank.channels.telegram.bots.";
        registry.add(bot + "fuzz.token", () -> BOT_TOKEN);
        registry.add(bot + "fuzz.secret-token", () -> BOT_SECRET);
        registry.add(bot + "fuzz.username", () -> BOT_NAME);
        registry.add(bot + "fuzz.api-base-url", TELEGRAM::baseUrl);
        registry.add(bot + "poller.token", () -> POLLER_TOKEN);
        registry.add(bot + "poller.mode", () -> "polling");
        registry.add(bot + "poller.poll-timeout", () -> "0s");
        registry.add(bot + "poller.api-base-url", TELEGRAM::baseUrl);
        registry.add("socialbank.channels.wechat.app-id", () -> APP_ID);
        registry.add("socialbank.channels.wechat.app-secret", () -> "fuzz-secret");
        registry.add("socialbank.channels.wechat.token", () -> WECHAT_TOKEN);
        registry.add("socialbank.channels.wechat.encoding-aes-key", () -> WECHAT_KEY);
        registry.add("socialbank.channels.wechat.api-base-url", WECHAT::url);
        registry.add("socialbank.channels.wechat.menu", () -> "false");
        registry.add("socialbank.channels.x.consumer-secret", () -> X_SECRET);
        registry.add("socialbank.channels.x.consumer-key", () -> "fuzz-consumer-key");
        registry.add("socialbank.channels.x.access-token", () -> X_BANK_ID + "-fuzztoken");
        registry.add("socialbank.channels.x.access-token-secret", () -> "fuzz-token-secret");
        registry.add("socialbank.channels.x.user-id", () -> X_BANK_ID);
        registry.add("socialbank.channels.x.screen-name", () -> "FuzzBank");
        registry.add("socialbank.channels.x.api-base-url", TELEGRAM::baseUrl); // never called: the relay is off
    }

    @AfterAll
    static void stop() {
        TELEGRAM.close();
        WECHAT.close();
    }

    // --- a message the dialogue throws for --------------------------------------------------

    @Test
    @DisplayName(
            "security review #7: a Telegram update the dialogue throws for is answered 200, recorded failed and refused")
    void aPoisonTelegramUpdateIsSettledAndRefused() {
        long user = IDS.incrementAndGet();
        long updateId = IDS.incrementAndGet();
        byte[] poison = telegramUpdate(updateId, user, POISON, false);
        assertThat(postTelegram(poison).statusCode()).isEqualTo(200);
        assertThat(outcome("telegram", "fuzz:" + updateId)).contains("failed");
        assertThat(jdbc.sql("SELECT kind FROM telegram_updates WHERE bot = 'fuzz' AND update_id = ?")
                        .param(updateId)
                        .query(String.class)
                        .single())
                .as("the update is settled, not redelivered")
                .isNotNull();
        assertThat(outboxTexts("telegram", Long.toString(user)))
                .singleElement()
                .asString()
                .startsWith("Sorry, I could not handle that message");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM branches WHERE id = ?")
                        .param(PoisonedBranches.WRITTEN_BEFORE_FAILING)
                        .query(Integer.class)
                        .single())
                .as("what the failed handling wrote was rolled back")
                .isZero();

        assertThat(postTelegram(poison).statusCode()).as("a redelivery").isEqualTo(200);
        assertThat(outboxTexts("telegram", Long.toString(user)))
                .as("refused once")
                .hasSize(1);
        assertThat(postTelegram(telegramUpdate(IDS.incrementAndGet(), user, "help", false))
                        .statusCode())
                .isEqualTo(200);
        assertThat(outboxTexts("telegram", Long.toString(user)))
                .as("the next message is answered")
                .hasSize(2);
    }

    @Test
    @DisplayName(
            "security review #7: a split with 51 members from a linked chat is refused, not a 400 that Telegram retries")
    void aSplitWithFiftyOneMembersIsRefusedAndTheChatGoesOn() {
        long user = IDS.incrementAndGet();
        assertThat(postTelegram(telegramUpdate(IDS.incrementAndGet(), user, "help", false))
                        .statusCode())
                .isEqualTo(200);
        link(Network.TELEGRAM, Long.toString(user), DemoBank.CUSTOMERS.get(0));
        StringBuilder split = new StringBuilder("split 60 EUR with");
        for (int i = 1; i <= 51; i++) {
            split.append(" @member").append(i);
        }
        long updateId = IDS.incrementAndGet();
        HttpResponse<String> answer = postTelegram(telegramUpdate(updateId, user, split.toString(), false));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(outcome("telegram", "fuzz:" + updateId)).contains("handled");
        assertThat(outboxTexts("telegram", Long.toString(user)))
                .last()
                .asString()
                .isEqualTo("One message can name at most 20 people. Please send it in smaller groups.");
        assertThat(count("SELECT COUNT(*) FROM money_requests") + count("SELECT COUNT(*) FROM money_splits"))
                .as("nobody was asked")
                .isZero();
        assertThat(postTelegram(telegramUpdate(IDS.incrementAndGet(), user, "balance", false))
                        .statusCode())
                .isEqualTo(200);
        assertThat(outboxTexts("telegram", Long.toString(user)))
                .last()
                .asString()
                .contains("500");
    }

    @Test
    @DisplayName("security review #7: a polling bot passes a poison update and answers the next one")
    void aPollingBotMovesPastAPoisonUpdate() {
        long user = IDS.incrementAndGet();
        long poison = IDS.incrementAndGet();
        long next = IDS.incrementAndGet();
        TELEGRAM.queueUpdate(POLLER_TOKEN, JSON.readTree(telegramUpdate(poison, user, POISON, false)));
        TELEGRAM.queueUpdate(POLLER_TOKEN, JSON.readTree(telegramUpdate(next, user, "help", false)));
        awaitTrue(() -> outcome("telegram", "poller:" + next).isPresent(), "the update after the poison is handled");
        assertThat(outcome("telegram", "poller:" + poison)).contains("failed");
        assertThat(outboxTexts("telegram", Long.toString(user))).hasSize(2);
        TELEGRAM.await(
                calls -> calls.stream()
                        .anyMatch(c -> c.token().equals(POLLER_TOKEN)
                                && c.method().equals("getUpdates")
                                && c.body().path("offset").asLong() > next),
                Duration.ofSeconds(20));
    }

    @Test
    @DisplayName("security review #7: WeChat, the web chat and X answer 2xx for a poison message and refuse it")
    void everyOtherAdapterSettlesAPoisonMessage() {
        String follower = follower();
        long msgId = IDS.incrementAndGet();
        HttpResponse<String> wechat = postWeChat(weChatText(follower, POISON, msgId));
        assertThat(wechat.statusCode()).isEqualTo(200);
        assertThat(passive(wechat)).startsWith("Sorry, I could not handle that message");
        assertThat(outcome("wechat", "m:" + msgId)).contains("failed");

        WebVisitor visitor = new WebVisitor();
        String id = UUID.randomUUID().toString();
        assertThat(visitor.send(id, POISON).statusCode()).isEqualTo(202);
        assertThat(outcome("webchat", id)).contains("failed");
        assertThat(visitor.send(UUID.randomUUID().toString(), "help").statusCode())
                .isEqualTo(202);

        String xUser = Long.toString(1_400_000_000_000_000_000L + IDS.incrementAndGet());
        String eventId = Long.toString(IDS.incrementAndGet());
        HttpResponse<String> x = postX(List.of(new XDm(eventId, xUser, POISON)));
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(outcome("x", "dm:" + eventId).or(() -> outcome("x", eventId)))
                .contains("failed");
        assertThat(outboxTexts("x", xUser)).singleElement().asString().startsWith("Sorry, I could not handle");
    }

    // --- the fuzz -----------------------------------------------------------------------------

    /**
     * 10,000 seeded random texts in all, spread over the adapters so that the run stays within
     * about 90 s on a 2-core machine: Telegram webhook 3,600, Telegram polling 400, WeChat 2,000,
     * web chat 2,000, X 2,000 (in posts of 10 events), four lanes per adapter at once. Set {@code -Dseed} (see support/Seeds) to replay a run and
     * {@code -Dfuzz.total} to scale it.
     */
    @Test
    @DisplayName(
            "security review #7: 10,000 random texts through every adapter: no 5xx, nothing stuck, the next message answered")
    void randomTextsThroughEveryAdapter() throws Exception {
        long seed = Seeds.seed("PoisonMessagesIntegrationTests fuzz");
        int total = Integer.getInteger("fuzz.total", 10_000);
        SplittableRandom random = new SplittableRandom(seed);
        Fuzz fuzz = new Fuzz(random, total);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4 * LANES_PER_ADAPTER);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Runnable lane : fuzz.lanes()) {
                work.add(pool.submit(lane));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf(
                "fuzz: %d texts in %d ms; statuses %s%n",
                total, Duration.ofNanos(System.nanoTime() - started).toMillis(), fuzz.statuses());
        assertThat(fuzz.serverErrors).as("5xx answers (%s)", Seeds.replay(seed)).isEmpty();
        awaitTrue(
                () -> count(
                                "SELECT COUNT(*) FROM telegram_updates WHERE bot = 'poller' AND update_id >= ? "
                                        + "AND update_id <= ?",
                                fuzz.pollFirst,
                                fuzz.pollLast)
                        == fuzz.polled,
                "every polled update is handled");

        // nothing stuck: every update, callback and post the platforms were told was taken is settled
        assertThat(fuzz.unsettledTelegram(jdbc))
                .as("Telegram updates answered 200 but not recorded (%s)", Seeds.replay(seed))
                .isEmpty();
        assertThat(fuzz.unsettledInbox(jdbc))
                .as("messages answered 2xx without an inbox row (%s)", Seeds.replay(seed))
                .isEmpty();
        System.out.println("fuzz: inbox outcomes "
                + jdbc.sql("SELECT outcome, COUNT(*) FROM inbox_messages " + "GROUP BY outcome")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list());

        // the next normal message is answered, on every adapter
        long user = fuzz.telegramUsers.get(0);
        int before = outboxTexts("telegram", Long.toString(user)).size();
        assertThat(postTelegram(telegramUpdate(IDS.incrementAndGet(), user, "help", false))
                        .statusCode())
                .isEqualTo(200);
        assertThat(outboxTexts("telegram", Long.toString(user))).hasSize(before + 1);
        assertThat(passive(postWeChat(weChatText(fuzz.followers.get(0), "help", IDS.incrementAndGet()))))
                .isNotBlank();
        String id = UUID.randomUUID().toString();
        assertThat(fuzz.visitors.get(0).send(id, "help").statusCode()).isEqualTo(202);
        assertThat(outcome("webchat", id)).contains("handled");
        String xUser = fuzz.xUsers.get(0);
        int xBefore = outboxTexts("x", xUser).size();
        assertThat(postX(List.of(new XDm(Long.toString(IDS.incrementAndGet()), xUser, "help")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(outboxTexts("x", xUser)).hasSize(xBefore + 1);
    }

    /** The random texts and their lanes, one per adapter; what each answered is collected. */
    final class Fuzz {

        final List<Long> telegramUsers = new ArrayList<>();
        final List<String> followers = new ArrayList<>();
        final List<WebVisitor> visitors = new ArrayList<>();
        final List<String> xUsers = new ArrayList<>();
        final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
        final Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> telegramTaken = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String[]> inboxTaken = new ConcurrentLinkedQueue<>();
        final List<Runnable> lanes = new ArrayList<>();
        long pollFirst;
        long pollLast;
        int polled;

        Fuzz(SplittableRandom random, int total) {
            int telegram = total * 36 / 100;
            int polling = total * 4 / 100;
            int wechat = total / 5;
            int web = total / 5;
            int x = total - telegram - polling - wechat - web;
            for (int i = 0; i < 40; i++) {
                telegramUsers.add(IDS.incrementAndGet());
                followers.add(follower());
                xUsers.add(Long.toString(1_400_000_000_000_000_000L + IDS.incrementAndGet()));
            }
            for (int i = 0; i < 20; i++) {
                visitors.add(new WebVisitor());
            }
            // a few chats are linked, so private paths (payments, requests, splits) are fuzzed too
            postTelegram(telegramUpdate(IDS.incrementAndGet(), telegramUsers.get(1), "hi", false));
            link(Network.TELEGRAM, Long.toString(telegramUsers.get(1)), DemoBank.CUSTOMERS.get(0));
            postWeChat(weChatText(followers.get(1), "hi", IDS.incrementAndGet()));
            link(Network.WECHAT, followers.get(1), DemoBank.CUSTOMERS.get(1));

            pollFirst = IDS.get() + 1;
            for (int i = 0; i < polling; i++) {
                long updateId = IDS.incrementAndGet();
                long user = telegramUsers.get(random.nextInt(telegramUsers.size()));
                TELEGRAM.queueUpdate(
                        POLLER_TOKEN, JSON.readTree(telegramUpdate(updateId, user, FuzzTexts.next(random), false)));
            }
            pollLast = IDS.get();
            polled = polling;
            // several lanes per adapter: the embedded store fsyncs once per group of commits, so
            // concurrent messages share their fsyncs
            for (int lane = 0; lane < LANES_PER_ADAPTER; lane++) {
                lanes.add(lane(random.split(), share(telegram, lane), r -> telegramOne(r)));
                lanes.add(lane(random.split(), share(wechat, lane), r -> wechatOne(r)));
                lanes.add(lane(random.split(), share(web, lane), r -> webOne(r)));
                lanes.add(lane(random.split(), share(x / X_EVENTS_PER_POST, lane), r -> xOne(r, X_EVENTS_PER_POST)));
            }
        }

        List<Runnable> lanes() {
            return lanes;
        }

        private static int share(int count, int lane) {
            return count / LANES_PER_ADAPTER + (lane < count % LANES_PER_ADAPTER ? 1 : 0);
        }

        Map<Integer, Long> statuses() {
            Map<Integer, Long> copy = new java.util.TreeMap<>();
            statuses.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }

        private Runnable lane(SplittableRandom random, int count, java.util.function.Consumer<SplittableRandom> one) {
            return () -> {
                for (int i = 0; i < count; i++) {
                    one.accept(random);
                }
            };
        }

        private void record(String adapter, String text, HttpResponse<String> response) {
            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong())
                    .incrementAndGet();
            if (response.statusCode() >= 500) {
                serverErrors.add(adapter + " " + response.statusCode() + " for " + JSON.writeValueAsString(text) + ": "
                        + response.body());
            }
        }

        private void telegramOne(SplittableRandom random) {
            long updateId = IDS.incrementAndGet();
            long user = telegramUsers.get(random.nextInt(telegramUsers.size()));
            String text = FuzzTexts.next(random);
            boolean group = random.nextInt(10) == 0;
            HttpResponse<String> response =
                    postTelegram(telegramUpdate(updateId, user, group ? "@" + BOT_NAME + " " + text : text, group));
            record("telegram", text, response);
            if (response.statusCode() == 200) {
                telegramTaken.add(updateId);
            }
        }

        private void wechatOne(SplittableRandom random) {
            long msgId = IDS.incrementAndGet();
            String text = xmlSafe(FuzzTexts.next(random));
            HttpResponse<String> response =
                    postWeChat(weChatText(followers.get(random.nextInt(followers.size())), text, msgId));
            record("wechat", text, response);
            if (response.statusCode() == 200) {
                inboxTaken.add(new String[] {"wechat", "m:" + msgId});
            }
        }

        private void webOne(SplittableRandom random) {
            String id = UUID.randomUUID().toString();
            String text = FuzzTexts.next(random);
            HttpResponse<String> response =
                    visitors.get(random.nextInt(visitors.size())).send(id, text);
            record("webchat", text, response);
            if (response.statusCode() == 202) {
                inboxTaken.add(new String[] {"webchat", id});
            }
        }

        private void xOne(SplittableRandom random, int events) {
            List<XDm> dms = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                dms.add(new XDm(
                        Long.toString(IDS.incrementAndGet()),
                        xUsers.get(random.nextInt(xUsers.size())),
                        FuzzTexts.next(random)));
            }
            HttpResponse<String> response = postX(dms);
            record("x", dms.toString(), response);
        }

        List<Long> unsettledTelegram(JdbcClient jdbc) {
            return telegramTaken.stream()
                    .filter(id ->
                            jdbc.sql("SELECT COUNT(*) FROM telegram_updates WHERE bot = 'fuzz' " + "AND update_id = ?")
                                            .param(id)
                                            .query(Integer.class)
                                            .single()
                                    == 0)
                    .toList();
        }

        List<String> unsettledInbox(JdbcClient jdbc) {
            return inboxTaken.stream()
                    .filter(k -> outcome(k[0], k[1]).isEmpty())
                    .map(k -> k[0] + ":" + k[1])
                    .toList();
        }
    }

    /** WeChat's XML carries no control characters but tab and newline: the platform cannot send them. */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints()
                .filter(c -> c == '\t' || c == '\n' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                .forEach(safe::appendCodePoint);
        return safe.toString();
    }

    // --- the platforms, as they post ------------------------------------------------------------

    static byte[] telegramUpdate(long updateId, long user, String text, boolean group) {
        ObjectNode update = JSON.createObjectNode().put("update_id", updateId);
        ObjectNode message = update.putObject("message")
                .put("message_id", updateId % 1_000_000_000L)
                .put("date", System.currentTimeMillis() / 1000)
                .put("text", text);
        message.putObject("from")
                .put("id", user)
                .put("is_bot", false)
                .put("first_name", "Fuzz")
                .put("username", "fuzz" + user)
                .put("language_code", "en");
        if (group) {
            message.putObject("chat")
                    .put("id", -1_000_000_000_000L - user % 1000)
                    .put("title", "Fuzzers")
                    .put("type", "supergroup");
        } else {
            message.putObject("chat").put("id", user).put("first_name", "Fuzz").put("type", "private");
        }
        return JSON.writeValueAsBytes(update);
    }

    HttpResponse<String> postTelegram(byte[] body) {
        return send(HttpRequest.newBuilder(uri("/webhooks/telegram/fuzz"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", BOT_SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    static String follower() {
        return "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    static Map<String, String> weChatText(String follower, String text, long msgId) {
        Map<String, String> xml = new LinkedHashMap<>();
        xml.put("ToUserName", ACCOUNT);
        xml.put("FromUserName", follower);
        xml.put("CreateTime", Long.toString(System.currentTimeMillis() / 1000));
        xml.put("MsgType", "text");
        xml.put("Content", text);
        xml.put("MsgId", Long.toString(msgId));
        return xml;
    }

    /** In safe mode, as WeChat posts when the EncodingAESKey is set. */
    HttpResponse<String> postWeChat(Map<String, String> message) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(IDS.incrementAndGet());
        String encrypted = CRYPTO.encrypt(WeChatXml.write(message));
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("ToUserName", ACCOUNT);
        envelope.put("Encrypt", encrypted);
        return send(HttpRequest.newBuilder(uri(
                        "/webhooks/wechat?signature=" + CRYPTO.signature(timestamp, nonce) + "&timestamp=" + timestamp
                                + "&nonce=" + nonce
                                + "&encrypt_type=aes&msg_signature=" + CRYPTO.signature(timestamp, nonce, encrypted)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(WeChatXml.write(envelope), StandardCharsets.UTF_8))
                .build());
    }

    /** The text of a sealed passive reply, or "" for {@code success}. */
    static String passive(HttpResponse<String> answer) {
        Optional<Map<String, String>> sealed = WeChatXml.parse(answer.body());
        if (sealed.isEmpty() || !sealed.get().containsKey("Encrypt")) {
            return "";
        }
        return WeChatXml.parse(CRYPTO.decrypt(sealed.get().get("Encrypt")).orElseThrow())
                .orElseThrow()
                .getOrDefault("Content", "");
    }

    record XDm(String eventId, String sender, String text) {}

    HttpResponse<String> postX(List<XDm> dms) {
        ObjectNode payload = JSON.createObjectNode().put("for_user_id", X_BANK_ID);
        ArrayNode events = payload.putArray("direct_message_events");
        ObjectNode users = payload.putObject("users");
        for (XDm dm : dms) {
            ObjectNode event = events.addObject()
                    .put("type", "message_create")
                    .put("id", dm.eventId())
                    .put("created_timestamp", Long.toString(System.currentTimeMillis()));
            ObjectNode create = event.putObject("message_create").put("sender_id", dm.sender());
            create.putObject("target").put("recipient_id", X_BANK_ID);
            create.putObject("message_data").put("text", dm.text());
            users.putObject(dm.sender())
                    .put("id", dm.sender())
                    .put("name", "Fuzz")
                    .put("screen_name", "f" + dm.sender().substring(dm.sender().length() - 10));
        }
        byte[] body = JSON.writeValueAsBytes(payload);
        return send(HttpRequest.newBuilder(uri("/webhooks/x"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("x-twitter-webhooks-signature", xSignature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    static String xSignature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(X_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One browser on the web chat: its cookies and the page's CSRF token. */
    final class WebVisitor {

        final HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        final String csrf;

        WebVisitor() {
            HttpResponse<String> page =
                    exchange(browser, HttpRequest.newBuilder(uri("/chat")).GET().build());
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as("the chat page carries a CSRF token").isTrue();
            csrf = m.group(1);
        }

        HttpResponse<String> send(String id, String text) {
            String form = "id=" + id + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return exchange(
                    browser,
                    HttpRequest.newBuilder(uri("/chat/messages"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build());
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Links a chat account to a demo customer as the bank's page would have (the page is tested elsewhere). */
    void link(Network network, String externalId, DemoCustomer customer) {
        ChannelIdentity identity = identities.identify(network, externalId, null, null);
        linkingStore.setCustomer(identity.id(), customer.customerId(), Instant.now());
        assertThat(identities.linkedCustomer(identity.id())).contains(customer.customerId());
    }

    Optional<String> outcome(String channel, String externalMessageId) {
        return jdbc.sql("SELECT outcome FROM inbox_messages WHERE channel = ? AND external_message_id = ?")
                .params(channel, externalMessageId)
                .query(String.class)
                .optional();
    }

    /** The texts the engine wrote for a recipient, oldest first. */
    List<String> outboxTexts(String channel, String recipient) {
        return jdbc
                .sql("SELECT payload FROM outbox_messages WHERE channel = ? AND recipient = ? ORDER BY created_at, id")
                .params(channel, recipient)
                .query(String.class)
                .list()
                .stream()
                .map(p -> JSON.readTree(p).path("text").asString(p))
                .toList();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Await.until(condition, Duration.ofSeconds(60), what);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(HttpRequest request) {
        return exchange(http, request);
    }

    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
