package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.support.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The adapter on a full application over real HTTP, against a fake Bot API server, on each store
 * (H2 and PostgreSQL subclasses): webhooks and their secret, redelivery, several bots, buttons,
 * groups, blocked bots, 429 pauses, polling, {@code setWebhook} and health, and the sending rates
 * on a compressed clock (waiting moves it; the fake server records its time).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TelegramContract.CompressedClock.class)
abstract class TelegramContract {

    static final ThrottleUnitTests.CompressedTime TIME = new ThrottleUnitTests.CompressedTime();
    static final FakeTelegramApi API = new FakeTelegramApi(TIME::nanos);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final String MAIN = "111:main";
    static final String SECOND = "222:second";
    static final String PAUSED = "333:paused";
    static final String SLOW = "444:slow";
    static final String POLLER = "555:poll";
    static final String BALE = "666:bale";
    static final String BURST = "777:burst";
    static final String MAIN_SECRET = "main-secret-0123456789";
    static final String WEBHOOK_URL = "https://bank.example/webhooks/telegram/main";
    static final AtomicLong IDS = new AtomicLong(new Random().nextInt(1_000_000) * 1000L);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TelegramStore store;

    @Autowired
    TelegramJanitor janitor;

    @Autowired
    TelegramHealth health;

    @Autowired
    @Qualifier("telegramSender")
    ChannelSender telegramSender;

    @Autowired
    @Qualifier("baleSender")
    ChannelSender baleSender;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @TestConfiguration
    static class CompressedClock {
        @Bean
        Throttle.Time compressedTime() {
            return TIME;
        }
    }

    @DynamicPropertySource
    static void bots(DynamicPropertyRegistry registry) {
        API.username(MAIN, "SocialBankBot");
        bot(registry, "telegram", "main", MAIN, MAIN_SECRET);
        registry.add("socialbank.channels.telegram.bots.main.webhook-url", () -> WEBHOOK_URL);
        registry.add("socialbank.channels.telegram.bots.main.username", () -> "SocialBankBot");
        bot(registry, "telegram", "second", SECOND, "second-secret-0123456789");
        bot(registry, "telegram", "paused", PAUSED, "paused-secret-0123456789");
        bot(registry, "telegram", "slow", SLOW, "slow-secret-0123456789");
        registry.add("socialbank.channels.telegram.bots.slow.messages-per-second", () -> "5");
        registry.add("socialbank.channels.telegram.bots.slow.group-messages-per-minute", () -> "3");
        registry.add("socialbank.channels.telegram.bots.slow.throttle-wait-max", () -> "1m");
        // the slow bot waits up to a minute for a group's turn: a send must fit in the relay's lease
        registry.add("socialbank.conversation.relay-lease", () -> "2m");
        bot(registry, "telegram", "poller", POLLER, null);
        registry.add("socialbank.channels.telegram.bots.poller.mode", () -> "polling");
        bot(registry, "bale", "main", BALE, "bale-secret-0123456789");
        bot(registry, "telegram", "burst", BURST, "burst-secret-0123456789");
        registry.add("socialbank.conversation.relay-interval", () -> "200ms");
        registry.add("socialbank.conversation.retry-base", () -> "200ms");
    }

    private static void bot(
            DynamicPropertyRegistry registry, String network, String name, String token, String secret) {
        String prefix = "socialbank.channels." + network + ".bots." + name + ".";
        registry.add(prefix + "token", () -> token);
        registry.add(prefix + "api-base-url", API::baseUrl);
        if (secret != null) {
            registry.add(prefix + "secret-token", () -> secret);
        }
    }

    @Test
    void aPrivateMessageIsAnsweredThroughTheBotItWasSentTo() {
        long user = IDS.incrementAndGet();
        ObjectNode update = Recorded.update("private-text", IDS.incrementAndGet(), user);
        assertThat(post("telegram", "second", "second-secret-0123456789", Recorded.bytes(update))
                        .statusCode())
                .isEqualTo(200);
        API.await(calls -> !API.sent(SECOND, Long.toString(user)).isEmpty(), Duration.ofSeconds(20));
        assertThat(API.sent(MAIN, Long.toString(user))).isEmpty();
        assertThat(store.botOf(Network.TELEGRAM, Long.toString(user))).contains("second");
    }

    @Test
    void aRedeliveredUpdateIsHandledOnce() {
        long user = IDS.incrementAndGet();
        long updateId = IDS.incrementAndGet();
        byte[] body = Recorded.bytes(Recorded.update("private-text", updateId, user));
        for (int i = 0; i < 3; i++) {
            assertThat(post("telegram", "main", MAIN_SECRET, body).statusCode()).isEqualTo(200);
        }
        API.await(calls -> !API.sent(MAIN, Long.toString(user)).isEmpty(), Duration.ofSeconds(20));
        awaitOutboxDrained(user); // the webhook wrote every reply before it answered: now none is left to leave
        assertThat(API.sent(MAIN, Long.toString(user))).hasSize(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM telegram_updates WHERE network = 'telegram' AND bot = 'main' "
                                + "AND update_id = ?",
                        updateId))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM inbox_messages WHERE external_message_id = ?", "main:" + updateId))
                .isEqualTo(1);
    }

    @Test
    @DisplayName(
            "issue 22: a new chat's first updates, delivered at once, are each handled and recorded once with their message, and the chat remembered once")
    void aNewChatsFirstUpdatesDeliveredAtOnceAreEachHandledOnce() throws Exception {
        long user = IDS.incrementAndGet();
        int updates = 4;
        long first = IDS.getAndAdd(updates) + 1;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(updates);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < updates; i++) {
                byte[] body = Recorded.bytes(Recorded.update("private-text", first + i, user));
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("telegram", "main", MAIN_SECRET, body).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).hasSize(updates).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < updates; i++) {
            assertThat(count(
                            "SELECT COUNT(*) FROM telegram_updates WHERE network = 'telegram' AND bot = 'main' "
                                    + "AND update_id = ?",
                            first + i))
                    .as("update %d recorded once", first + i)
                    .isEqualTo(1);
            assertThat(count(
                            "SELECT COUNT(*) FROM inbox_messages WHERE external_message_id = ?", "main:" + (first + i)))
                    .isEqualTo(1);
        }
        assertThat(count(
                        "SELECT COUNT(*) FROM telegram_chats WHERE network = 'telegram' AND chat_id = ?",
                        Long.toString(user)))
                .isEqualTo(1);
        assertThat(store.botOf(Network.TELEGRAM, Long.toString(user))).contains("main");
        assertThat(count("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?", Long.toString(user)))
                .as("each update's replies were written before its 200")
                .isGreaterThanOrEqualTo(updates);
    }

    @Test
    void aMissingOrForgedSecretIsRefusedAndNothingIsStored() {
        long user = IDS.incrementAndGet();
        long updateId = IDS.incrementAndGet();
        byte[] body = Recorded.bytes(Recorded.update("private-text", updateId, user));
        HttpResponse<String> missing = post("telegram", "main", null, body);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("bad_secret_token");
        assertThat(post("telegram", "main", MAIN_SECRET + "x", body).statusCode())
                .isEqualTo(401);
        assertThat(post("telegram", "main", "second-secret-0123456789", body).statusCode())
                .as("another bot's secret")
                .isEqualTo(401);
        assertThat(post("bale", "main", MAIN_SECRET, body).statusCode())
                .as("the Telegram bot's secret on Bale")
                .isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM telegram_updates WHERE update_id = ?", updateId))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM channel_identities WHERE external_id = ?", Long.toString(user)))
                .isZero();
        assertThat(post("telegram", "nobody", MAIN_SECRET, body).statusCode()).isEqualTo(404);
        assertThat(post("telegram", "poller", MAIN_SECRET, body).statusCode())
                .as("a polling bot has no webhook")
                .isEqualTo(404);
    }

    @Test
    void malformedBodiesAreRefusedAndUpdatesTheBankDoesNotAnswerAreAcknowledged() {
        HttpResponse<String> broken = post("telegram", "main", MAIN_SECRET, "{\"update_id\":".getBytes());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(post("telegram", "main", MAIN_SECRET, "[]".getBytes()).statusCode())
                .isEqualTo(400);
        assertThat(post("telegram", "main", MAIN_SECRET, new byte[0]).statusCode())
                .isEqualTo(400);
        assertThat(post(
                                "telegram",
                                "main",
                                MAIN_SECRET,
                                ("{\"update_id\":1,\"message\":{\"text\":\"" + "x".repeat(70_000) + "\"}}").getBytes())
                        .statusCode())
                .as("bounded")
                .isEqualTo(413);

        long user = IDS.incrementAndGet();
        long updateId = IDS.incrementAndGet();
        assertThat(post(
                                "telegram",
                                "main",
                                MAIN_SECRET,
                                Recorded.bytes(Recorded.update("edited-message", updateId, user)))
                        .statusCode())
                .isEqualTo(200);
        ObjectNode unknown = FakeTelegramApi.JSON.createObjectNode().put("update_id", IDS.incrementAndGet());
        unknown.putObject("message_reaction").put("date", 1);
        assertThat(post("telegram", "main", MAIN_SECRET, Recorded.bytes(unknown))
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT kind FROM telegram_updates WHERE bot = 'main' AND update_id = ?")
                        .param(updateId)
                        .query(String.class)
                        .single())
                .isEqualTo("edited_message");
        // the webhook handles an update before it answers: no reply written now is none ever sent
        assertThat(count("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?", Long.toString(user)))
                .isZero();
        assertThat(API.sent(MAIN, Long.toString(user))).isEmpty();
    }

    @Test
    void aPressedButtonIsAlwaysAnswered() {
        long user = IDS.incrementAndGet();
        ObjectNode update = Recorded.update("callback-query", IDS.incrementAndGet(), user);
        String queryId = "q" + UUID.randomUUID();
        ((ObjectNode) update.get("callback_query")).put("id", queryId);
        assertThat(post("telegram", "main", MAIN_SECRET, Recorded.bytes(update)).statusCode())
                .isEqualTo(200);
        assertThat(API.calls(MAIN, "answerCallbackQuery"))
                .anyMatch(c -> c.body().path("callback_query_id").asString().equals(queryId));
        // a reference the bank never issued: "out of date", as a message
        API.await(calls -> !API.sent(MAIN, Long.toString(user)).isEmpty(), Duration.ofSeconds(20));
    }

    @Test
    void inAGroupTheBotAnswersMentionsInTheGroupAndIgnoresChatter() {
        long user = IDS.incrementAndGet();
        String group = "-100" + IDS.incrementAndGet();
        ObjectNode mention = Recorded.update("group-mention", IDS.incrementAndGet(), user);
        ((ObjectNode) mention.get("message").get("chat")).put("id", Long.parseLong(group));
        ObjectNode chatter = Recorded.update("group-chatter", IDS.incrementAndGet(), user);
        ((ObjectNode) chatter.get("message").get("chat")).put("id", Long.parseLong(group));
        assertThat(post("telegram", "main", MAIN_SECRET, Recorded.bytes(chatter))
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("telegram", "main", MAIN_SECRET, Recorded.bytes(mention))
                        .statusCode())
                .isEqualTo(200);
        API.await(calls -> !API.sent(MAIN, group).isEmpty(), Duration.ofSeconds(20));
        // both updates were handled before their answers: once every reply written is out, none is left
        assertThat(count("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?", group))
                .isPositive();
        awaitOutboxDrained(group);
        awaitOutboxDrained(Long.toString(user));
        assertThat(API.sent(MAIN, group)).as("the chatter was not answered").hasSize(1);
        assertThat(API.sent(MAIN, group).get(0).text())
                .as("the group's own help, which passes the public rule: not the neutral sentence")
                .startsWith("In this group I answer general questions");
        assertThat(API.sent(MAIN, Long.toString(user)))
                .as("nothing said privately")
                .isEmpty();
    }

    /**
     * Review: only listening's {@code reply:} recipients were held to the public rule at the sender,
     * not the engine's own answers in a group. Now whatever the bot would show in a group (a Telegram
     * group's negative id, a Bale group known by its recorded type) passes it, or the neutral
     * sentence goes instead and is counted; a private chat gets its text as written.
     */
    @Test
    void aGroupTextThatFailsThePublicRuleIsReplacedByTheNeutralSentence() {
        String group = "-100" + IDS.incrementAndGet();
        String baleGroup = Long.toString(IDS.incrementAndGet());
        String person = Long.toString(IDS.incrementAndGet());
        java.time.Instant now = java.time.Instant.now();
        store.remember(Network.TELEGRAM, group, "supergroup", "main", now);
        store.remember(Network.BALE, baleGroup, "group", "main", now);
        store.remember(Network.TELEGRAM, person, "private", "main", now);
        double telegramBefore = withheld("telegram");
        double baleBefore = withheld("bale");
        String balance = "Your balance: €1,250.00";
        String neutral = "I can’t show that here. Write to me in a private chat.";

        assertThat(sendText(telegramSender, Network.TELEGRAM, group, balance)).isEqualTo(new SendOutcome.Sent());
        assertThat(sendText(baleSender, Network.BALE, baleGroup, balance)).isEqualTo(new SendOutcome.Sent());
        assertThat(sendText(telegramSender, Network.TELEGRAM, person, balance)).isEqualTo(new SendOutcome.Sent());

        assertThat(API.sent(MAIN, group)).extracting(FakeTelegramApi.Call::text).containsExactly(neutral);
        assertThat(API.sent(BALE, baleGroup))
                .extracting(FakeTelegramApi.Call::text)
                .containsExactly(neutral);
        assertThat(API.sent(MAIN, person))
                .extracting(FakeTelegramApi.Call::text)
                .containsExactly(balance);
        assertThat(withheld("telegram")).isEqualTo(telegramBefore + 1);
        assertThat(withheld("bale")).isEqualTo(baleBefore + 1);
    }

    private static SendOutcome sendText(ChannelSender sender, Network network, String chat, String text) {
        return sender.send(
                new OutboundMessage(
                        UUID.randomUUID(), new IdentityId(UUID.randomUUID()), network, chat, new Outbound.Text(text)),
                "k-" + UUID.randomUUID());
    }

    private double withheld(String network) {
        io.micrometer.core.instrument.Counter counter =
                meters.find(GroupLock.COUNTER).tag("network", network).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aBotBlockedByItsUserMarksTheChatAccountUnreachable() {
        long user = IDS.incrementAndGet();
        API.fail(SECOND, "sendMessage", 403, "Forbidden: bot was blocked by the user", 0);
        post(
                "telegram",
                "second",
                "second-secret-0123456789",
                Recorded.bytes(Recorded.update("private-text", IDS.incrementAndGet(), user)));
        awaitOutbox(user, "FAILED");
        assertThat(jdbc.sql("SELECT reachable FROM channel_identities WHERE channel = 'telegram' AND external_id = ?")
                        .param(Long.toString(user))
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    @DisplayName("a private message after a 403 \"can't initiate conversation\" makes the chat account reachable again")
    void aBotThatMayNotWriteFirstMarksTheChatAccountUnreachableUntilThePersonWrites() {
        long user = IDS.incrementAndGet();
        API.fail(SECOND, "sendMessage", 403, "Forbidden: bot can't initiate conversation with a user", 0);
        post(
                "telegram",
                "second",
                "second-secret-0123456789",
                Recorded.bytes(Recorded.update("private-text", IDS.incrementAndGet(), user)));
        awaitOutbox(user, "FAILED");
        assertThat(reachable(user)).isFalse();
        post(
                "telegram",
                "second",
                "second-secret-0123456789",
                Recorded.bytes(Recorded.update("command", IDS.incrementAndGet(), user)));
        assertThat(reachable(user)).as("their /start opened the chat again").isTrue();
        awaitOutbox(user, "SUCCEEDED");
    }

    static final String OPEN_PRIVATE_CHAT =
            "@anna_k I can’t write to you first: open a private chat with me, press Start, and ask me there.";
    static final String ANSWERED_PRIVATELY = "@anna_k I have answered you in our private chat.";

    /**
     * The group was told "I have answered you in our private chat" while the Bot API refused the
     * private answer (a bot may not write first to a person who never started it): the member
     * waited for a message that never came. Now the group hears how to open the private chat and
     * nothing is sent there; once the member pressed Start, the answer goes privately again.
     */
    @Test
    @DisplayName(
            "a member who never started the bot asks in a group for their balance: the group hears how to open the private chat, nothing is sent there; after /start the answer goes privately")
    void aMemberWhoNeverStartedTheBotIsToldHowToOpenThePrivateChat() {
        long user = IDS.incrementAndGet();
        String person = Long.toString(user);
        String group = "-100" + IDS.incrementAndGet();
        API.neverStarted(MAIN, person);

        assertThat(post("telegram", "main", MAIN_SECRET, groupAsk(user, group, "balance"))
                        .statusCode())
                .isEqualTo(200);
        API.await(calls -> !API.sent(MAIN, group).isEmpty(), Duration.ofSeconds(20));
        awaitOutboxDrained(group);
        assertThat(API.sent(MAIN, group)).extracting(FakeTelegramApi.Call::text).containsExactly(OPEN_PRIVATE_CHAT);
        assertThat(count("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?", person))
                .as("no private answer queued")
                .isZero();
        assertThat(API.sent(MAIN, person)).as("no private send attempted").isEmpty();

        API.started(MAIN, person);
        post("telegram", "main", MAIN_SECRET, Recorded.bytes(Recorded.update("command", IDS.incrementAndGet(), user)));
        API.await(calls -> !API.sent(MAIN, person).isEmpty(), Duration.ofSeconds(20));
        int afterStart = API.sent(MAIN, person).size();
        post("telegram", "main", MAIN_SECRET, groupAsk(user, group, "balance"));
        API.await(
                calls -> API.sent(MAIN, group).size() == 2
                        && API.sent(MAIN, person).size() > afterStart,
                Duration.ofSeconds(20));
        assertThat(API.sent(MAIN, group).get(1).text()).isEqualTo(ANSWERED_PRIVATELY);
        awaitOutboxDrained(person);
    }

    @Test
    @DisplayName(
            "a member who blocked the bot asks in a group: told how to open the private chat (talking in the group does not unblock it) until /start")
    void aMemberWhoBlockedTheBotIsToldHowToOpenThePrivateChatUntilTheyStartIt() {
        long user = IDS.incrementAndGet();
        String person = Long.toString(user);
        String group = "-100" + IDS.incrementAndGet();
        post(
                "telegram",
                "main",
                MAIN_SECRET,
                Recorded.bytes(Recorded.update("private-text", IDS.incrementAndGet(), user)));
        API.await(calls -> !API.sent(MAIN, person).isEmpty(), Duration.ofSeconds(20));
        post(
                "telegram",
                "main",
                MAIN_SECRET,
                Recorded.bytes(Recorded.update("my-chat-member-kicked", IDS.incrementAndGet(), user)));
        assertThat(reachable(user)).isFalse();

        for (int i = 0; i < 2; i++) { // the second ask: the first, in the group, left the account unreachable
            post("telegram", "main", MAIN_SECRET, groupAsk(user, group, "balance"));
        }
        API.await(calls -> API.sent(MAIN, group).size() == 2, Duration.ofSeconds(20));
        assertThat(API.sent(MAIN, group))
                .extracting(FakeTelegramApi.Call::text)
                .containsExactly(OPEN_PRIVATE_CHAT, OPEN_PRIVATE_CHAT);
        assertThat(reachable(user)).isFalse();
        assertThat(API.sent(MAIN, person))
                .as("only the answer before the block")
                .hasSize(1);

        post("telegram", "main", MAIN_SECRET, Recorded.bytes(Recorded.update("command", IDS.incrementAndGet(), user)));
        assertThat(reachable(user)).isTrue();
        post("telegram", "main", MAIN_SECRET, groupAsk(user, group, "balance"));
        API.await(calls -> API.sent(MAIN, group).size() == 3, Duration.ofSeconds(20));
        assertThat(API.sent(MAIN, group).get(2).text()).isEqualTo(ANSWERED_PRIVATELY);
        awaitOutboxDrained(person);
        assertThat(API.sent(MAIN, person)).hasSizeGreaterThan(2);
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: with several bots, a block of a bot the chat does not talk"
            + " to changes nothing: replies still go through the chat's bot, and the chat account stays reachable")
    void aBlockOfAnotherBotChangesNothing() {
        long user = IDS.incrementAndGet();
        String person = Long.toString(user);
        for (int answered = 1; answered <= 2; answered++) { // before and after the other bot's block
            int expected = answered;
            byte[] text = Recorded.bytes(Recorded.update("private-text", IDS.incrementAndGet(), user));
            post("telegram", "main", MAIN_SECRET, text);
            API.await(calls -> API.sent(MAIN, person).size() >= expected, Duration.ofSeconds(20));
            if (answered == 1) {
                blockedBySecond(user);
            }
        }
        awaitOutboxDrained(person);
        assertThat(API.sent(SECOND, person)).isEmpty();
        assertThat(reachable(user)).isTrue();
        assertThat(store.botOf(Network.TELEGRAM, person)).contains("main");
    }

    /** A "kicked" from bot second, which the chat never talked to: recorded as handled, and nothing else. */
    private void blockedBySecond(long user) {
        long kicked = IDS.incrementAndGet();
        byte[] update = Recorded.bytes(Recorded.update("my-chat-member-kicked", kicked, user));
        assertThat(post("telegram", "second", "second-secret-0123456789", update)
                        .statusCode())
                .isEqualTo(200);
        assertThat(count(
                        "SELECT COUNT(*) FROM telegram_updates WHERE network = 'telegram' AND bot = 'second' "
                                + "AND update_id = ?",
                        kicked))
                .as("the update is recorded as handled")
                .isEqualTo(1);
        assertThat(reachable(user)).isTrue();
        assertThat(store.botOf(Network.TELEGRAM, Long.toString(user))).contains("main");
    }

    @Test
    @DisplayName("review 2026-12-07 channels follow-up: a Bale group numbered with a positive id, recorded as a"
            + " group, gets at most 20 messages in any minute")
    void aBaleGroupWithAPositiveIdIsThrottledAsAGroup() {
        String group = Long.toString(IDS.incrementAndGet());
        store.remember(Network.BALE, group, "group", "main", java.time.Instant.now());
        for (int i = 0; i < 24; i++) {
            OutboundMessage message = new OutboundMessage(
                    UUID.randomUUID(),
                    new IdentityId(UUID.randomUUID()),
                    Network.BALE,
                    group,
                    new Outbound.Text("message " + (char) ('a' + i))); // no digit: not the group lock's
            SendOutcome outcome = baleSender.send(message, "k" + i);
            for (int wait = 0; wait < 10 && outcome instanceof SendOutcome.NotNow notNow; wait++) {
                TIME.advance(Math.max(notNow.retryAfter().toNanos(), Throttle.SECOND));
                outcome = baleSender.send(message, "k" + i);
            }
            assertThat(outcome).isEqualTo(new SendOutcome.Sent());
        }
        List<Long> times = API.calls(BALE, "sendMessage").stream()
                .filter(c -> c.chatId().equals(group))
                .map(FakeTelegramApi.Call::nanos)
                .toList();
        assertThat(times).hasSize(24);
        assertThat(ThrottleUnitTests.mostInWindow(times, Throttle.MINUTE)).isLessThanOrEqualTo(20);
    }

    /** A group member's text to the bot ("@SocialBankBot balance") in the group, as a new update. */
    private static byte[] groupAsk(long user, String group, String text) {
        ObjectNode update = Recorded.update("group-mention", IDS.incrementAndGet(), user);
        ObjectNode message = (ObjectNode) update.get("message");
        ((ObjectNode) message.get("chat")).put("id", Long.parseLong(group));
        message.put("text", "@SocialBankBot " + text);
        return Recorded.bytes(update);
    }

    private boolean reachable(long user) {
        return jdbc.sql("SELECT reachable FROM channel_identities WHERE channel = 'telegram' AND external_id = ?")
                .param(Long.toString(user))
                .query(Boolean.class)
                .single();
    }

    @Test
    void aTooManyRequestsAnswerPausesTheWholeBot() {
        long first = IDS.incrementAndGet();
        long second = IDS.incrementAndGet();
        API.fail(PAUSED, "sendMessage", 429, "Too Many Requests: retry after 30", 30);
        post(
                "telegram",
                "paused",
                "paused-secret-0123456789",
                Recorded.bytes(Recorded.update("private-text", IDS.incrementAndGet(), first)));
        API.await(calls -> API.sent(PAUSED, Long.toString(first)).size() == 1, Duration.ofSeconds(20));
        post(
                "telegram",
                "paused",
                "paused-secret-0123456789",
                Recorded.bytes(Recorded.update("private-text", IDS.incrementAndGet(), second)));
        // the relay took the second reply while the bot was paused and put it back unsent
        Await.until(
                () -> count(
                                "SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND status = 'PENDING' "
                                        + "AND last_error LIKE '%paused by a 429%'",
                                Long.toString(second))
                        > 0,
                "the relay puts the reply to " + second + " back while the bot is paused");
        assertThat(API.sent(PAUSED, Long.toString(first))).hasSize(1);
        assertThat(API.sent(PAUSED, Long.toString(second))).isEmpty();
        TIME.advance(30 * Throttle.SECOND);
        thirtySecondsPassFor(first, second); // the relay put both back for the 429's retry_after
        API.await(
                calls -> API.sent(PAUSED, Long.toString(first)).size() == 2
                        && API.sent(PAUSED, Long.toString(second)).size() == 1,
                Duration.ofSeconds(30));
        awaitOutbox(first, "SUCCEEDED");
    }

    /** The rows of these chats are due now, as if the time they were put back for had passed. */
    void thirtySecondsPassFor(long... users) {
        for (long user : users) {
            jdbc.sql("UPDATE outbox_messages SET next_attempt_at = ? WHERE recipient = ? AND status = 'PENDING'")
                    .params(
                            java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                                    .minusSeconds(1),
                            Long.toString(user))
                    .update();
        }
    }

    @Test
    @DisplayName(
            "issue 13: 429s more often than send-attempts-max are waits, not tries: the reply is sent, never FAILED")
    void manyTooManyRequestsAnswersAreWaitsNotTries() {
        long user = IDS.incrementAndGet();
        for (int i = 0; i < 10; i++) {
            API.fail(BURST, "sendMessage", 429, "Too Many Requests: retry after 1", 1);
        }
        post(
                "telegram",
                "burst",
                "burst-secret-0123456789",
                Recorded.bytes(Recorded.update("private-text", IDS.incrementAndGet(), user)));
        Await.until(
                () -> {
                    assertThat(count(
                                    "SELECT COUNT(*) FROM outbox_messages WHERE recipient = '" + user
                                            + "' AND status = ?",
                                    "FAILED"))
                            .isZero();
                    if (count(
                                    "SELECT COUNT(*) FROM outbox_messages WHERE recipient = '" + user
                                            + "' AND status = ?",
                                    "SUCCEEDED")
                            > 0) {
                        return true;
                    }
                    TIME.advance(Throttle.SECOND); // a second passes for the bot, and for the row put back
                    thirtySecondsPassFor(user);
                    return false;
                },
                Duration.ofSeconds(60),
                "the reply is sent once the 429s stop");
        assertThat(API.sent(BURST, Long.toString(user))).hasSizeGreaterThan(10);
        awaitOutboxDrained(user);
        assertThat(jdbc.sql("SELECT MAX(attempts) FROM outbox_messages WHERE recipient = ?")
                        .param(Long.toString(user))
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    void awaitOutboxDrained(long user) {
        awaitOutboxDrained(Long.toString(user));
    }

    /** Every reply written to this chat is sent (the relay recorded each send after the platform took it). */
    void awaitOutboxDrained(String chat) {
        Await.until(
                () -> count(
                                "SELECT COUNT(*) FROM outbox_messages WHERE recipient = '" + chat + "' AND status <> ?",
                                "SUCCEEDED")
                        == 0,
                "every reply to " + chat + " is sent");
    }

    @Test
    void theWebhookIsSetWithItsSecretAndShownInHealth() {
        API.await(calls -> !API.calls(MAIN, "setWebhook").isEmpty(), Duration.ofSeconds(10));
        JsonNode set = API.calls(MAIN, "setWebhook").get(0).body();
        assertThat(set.path("url").asString()).isEqualTo(WEBHOOK_URL);
        assertThat(set.path("secret_token").asString()).isEqualTo(MAIN_SECRET);
        assertThat(set.path("allowed_updates").toString()).contains("message", "callback_query", "my_chat_member");
        assertThat(API.calls(SECOND, "setWebhook"))
                .as("no webhook-url, nothing set")
                .isEmpty();
        // issue 13: a persistent menu, the commands described in the five languages, the menu button
        // at least five: a context the test cache started again sets the menu again
        API.await(
                calls -> API.calls(MAIN, "setMyCommands").size() >= 5
                        && !API.calls(MAIN, "setChatMenuButton").isEmpty(),
                Duration.ofSeconds(10));
        assertThat(API.calls(MAIN, "setMyCommands"))
                .extracting(c -> c.body().path("language_code").asString(""))
                .containsOnly("", "fr", "ru", "fa", "zh")
                .contains("", "fr", "ru", "fa", "zh");
        assertThat(API.calls(MAIN, "setChatMenuButton")
                        .get(0)
                        .body()
                        .path("menu_button")
                        .path("type")
                        .asString())
                .isEqualTo("commands");
        Health h = health.health();
        @SuppressWarnings("unchecked")
        Map<String, Object> main = (Map<String, Object>) h.getDetails().get("telegram/main");
        assertThat(main).containsEntry("webhookUrl", WEBHOOK_URL).containsEntry("mode", "webhook");
        assertThat(h.getDetails()).containsKeys("telegram/second", "bale/main", "telegram/poller");
        assertThat(h.getStatus()).isIn(Status.UP, Status.DOWN);
    }

    @Test
    void aPollingBotReadsItsUpdatesWithGetUpdates() {
        long user = IDS.incrementAndGet();
        API.queueUpdate(POLLER, Recorded.update("private-text", IDS.incrementAndGet(), user));
        API.await(calls -> !API.sent(POLLER, Long.toString(user)).isEmpty(), Duration.ofSeconds(20));
        assertThat(API.calls(POLLER, "deleteWebhook")).isNotEmpty();
        assertThat(API.sent(POLLER, Long.toString(user))).hasSize(1);
    }

    @Test
    void aBaleBotIsServedAtItsOwnPath() {
        long user = IDS.incrementAndGet();
        assertThat(post(
                                "bale",
                                "main",
                                "bale-secret-0123456789",
                                Recorded.bytes(Recorded.update("command", IDS.incrementAndGet(), user)))
                        .statusCode())
                .isEqualTo(200);
        API.await(calls -> !API.sent(BALE, Long.toString(user)).isEmpty(), Duration.ofSeconds(20));
        assertThat(count(
                        "SELECT COUNT(*) FROM channel_identities WHERE channel = 'bale' AND external_id = ?",
                        Long.toString(user)))
                .isEqualTo(1);
    }

    /**
     * Sent one after the other as the relay sends, to three private chats and a group, on the
     * compressed clock: no second ever holds more than the bot's 5 messages, no chat more than 1,
     * no minute more than 3 in the group; and the clock did move, so the throttle did wait.
     */
    @Test
    void noBurstExceedsTheDocumentedRates() {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chats.add(Long.toString(IDS.incrementAndGet()));
        }
        chats.add("-100" + IDS.incrementAndGet());
        chats.forEach(chat -> store.remember(Network.TELEGRAM, chat, null, "slow", java.time.Instant.now()));
        long start = TIME.nanos();
        for (int i = 0; i < 24; i++) {
            String chat = chats.get(i % chats.size());
            SendOutcome outcome = telegramSender.send(
                    new OutboundMessage(
                            UUID.randomUUID(),
                            new IdentityId(UUID.randomUUID()),
                            Network.TELEGRAM,
                            chat,
                            new Outbound.Text("message " + (char) ('a' + i))), // no digit: not the group lock's
                    "k" + i);
            assertThat(outcome).isEqualTo(new SendOutcome.Sent());
        }
        List<FakeTelegramApi.Call> sent = API.calls(SLOW, "sendMessage").stream()
                .filter(c -> chats.contains(c.chatId()))
                .toList();
        assertThat(sent).hasSize(24);
        assertThat(ThrottleUnitTests.mostInWindow(
                        sent.stream().map(FakeTelegramApi.Call::nanos).toList(), Throttle.SECOND))
                .isLessThanOrEqualTo(5);
        for (String chat : chats) {
            List<Long> times = sent.stream()
                    .filter(c -> c.chatId().equals(chat))
                    .map(FakeTelegramApi.Call::nanos)
                    .toList();
            if (Throttle.group(chat, null)) {
                assertThat(ThrottleUnitTests.mostInWindow(times, Throttle.MINUTE))
                        .isLessThanOrEqualTo(3);
            } else {
                assertThat(ThrottleUnitTests.mostInWindow(times, Throttle.SECOND))
                        .isLessThanOrEqualTo(1);
            }
        }
        assertThat(TIME.nanos() - start)
                .as("six group messages need two more minutes")
                .isGreaterThanOrEqualTo(Throttle.MINUTE);
    }

    HttpResponse<String> post(String network, String bot, String secret, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/webhooks/" + network + "/" + bot))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(SECRET_HEADER, secret);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    int count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Integer.class).single();
    }

    void awaitOutbox(long user, String status) {
        Await.until(
                () -> count(
                                "SELECT COUNT(*) FROM outbox_messages WHERE recipient = '" + user + "' AND status = ?",
                                status)
                        > 0,
                "an outbox row to " + user + " becomes " + status);
    }

    @Test
    void updatesOlderThanAWeekAreForgottenNewerOnesKept() {
        String bot = "retention" + System.nanoTime();
        java.time.Instant now = java.time.Instant.now();
        assertThat(store.markHandled(Network.TELEGRAM, bot, 1, "message", now.minus(java.time.Duration.ofDays(8))))
                .isTrue();
        assertThat(store.markHandled(Network.TELEGRAM, bot, 2, "message", now.minus(java.time.Duration.ofDays(1))))
                .isTrue();
        janitor.run();
        assertThat(store.handled(Network.TELEGRAM, bot, 1)).isFalse();
        assertThat(store.handled(Network.TELEGRAM, bot, 2)).isTrue();
    }
}
