package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.socialbank.conversation.engine.OutboxRelay;
import org.socialbank.directory.ChannelIdentities;
import org.socialbank.directory.Directory;
import org.socialbank.directory.jdbc.JdbcLinking;
import org.socialbank.ledger.Ledger;
import org.socialbank.support.Customers;
import org.socialbank.support.StatementCounter;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 22 (chat path): the SQL statements one chat payment costs, counted on a full application
 * over real HTTP and real H2, the way the chat benchmark pays: a linked Telegram chat sends
 * "pay $tag 0.01" to the webhook, the outbox relay sends the confirmation to the fake Bot API, the
 * chat presses Confirm, the relay sends the receipt and the payee's alert. The count (webhook
 * threads, the relay and its senders) must stay at or under {@link #STATEMENTS_MAX}; the
 * histogram is printed, so a rise says which statement came back. Not a timed test.
 *
 * <p>The same payments also show what the alerts follower does with them (issue 22): the payer's
 * receipt in her chat is not repeated there as a posting alert, and goes as one to another chat
 * she reads first.
 *
 * <p>With {@code -Dchatpath.cpu.payments=N} a further test pays N times and prints the process's
 * CPU time per chat payment (indicative only: the test's client and the fake Bot API run in the
 * same process, and the machine may be loaded).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChatPaymentQueriesIntegrationTests.Counting.class)
class ChatPaymentQueriesIntegrationTests {

    /** The ceiling: 139 before session 9, 91 after (docs/benchmarks.md, "Chat path: queries and CPU per payment"). */
    static final int STATEMENTS_MAX = 91;

    /**
     * The commits of the same payment, explicit or of statements run outside a transaction: 30
     * until session 15, when a private chat's Telegram update was recorded as handled, and its chat
     * remembered, in the engine's transaction (two commits fewer for each of the two updates).
     */
    static final int COMMITS_MAX = 26;

    static final StatementCounter COUNTER = new StatementCounter();
    static final FakeTelegramApi API = new FakeTelegramApi();
    static final String TOKEN = "903:queries-bank";
    static final String SECRET = "queries-secret-0123456789";
    static final AtomicLong IDS = new AtomicLong(new Random().nextInt(1_000_000) * 1000L + 7);

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Ledger ledger;

    @Autowired
    ChannelIdentities identities;

    @Autowired
    JdbcLinking linking;

    @Autowired
    OutboxRelay relay;

    @Autowired
    org.socialbank.alerts.TransactionAlerts transactionAlerts;

    @Autowired
    org.socialbank.alerts.Alerts alerts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @TestConfiguration
    static class Counting {
        @Bean
        static BeanPostProcessor countedDataSource() {
            return COUNTER.wrapper();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("spring.datasource.hikari.minimum-idle", () -> "10"); // h2database#4302, as in the H2 contract
        registry.add("socialbank.conversation.relay-enabled", () -> "false"); // the test relays, on its own thread
        // no MiniLM training in the background (minutes of CPU on a first start): a chat payment never asks it
        registry.add("socialbank.assistant.encoder", () -> "none");
        String bot = "socialbank.channels.telegram.bots.bank.";
        registry.add(bot + "token", () -> TOKEN);
        registry.add(bot + "secret-token", () -> SECRET);
        registry.add(bot + "api-base-url", API::baseUrl);
        registry.add(bot + "username", () -> "QueriesBot");
        registry.add(bot + "messages-per-second", () -> "1000");
        registry.add(bot + "chat-messages-per-second", () -> "100");
        // the chat benchmark's relaxed rules (bench/run.sh): a held payment is not what is counted
        registry.add("socialbank.payments.risk.burst-payments-max", () -> "10000");
        registry.add("socialbank.payments.risk.burst-window", () -> "1s");
        registry.add("socialbank.payments.risk.new-channel-window", () -> "1s");
        registry.add("socialbank.payments.risk.new-channel-confirmations-min", () -> "0");
        registry.add("socialbank.payments.risk.new-payees-per-day-max", () -> "1000");
        registry.add("socialbank.payments.payee-lookups-per-hour", () -> "10000");
        registry.add("socialbank.alerts.settle", () -> "0s"); // the test runs the follower (off in tests) itself
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    void oneChatPaymentStaysWithinItsStatements() {
        Chat payer = chat("payer");
        Chat payee = chat("payee");
        pay(payer, chat("friend")); // three recent payees, as a payer has (the parser is offered their names)
        pay(payer, chat("sister"));
        pay(payer, payee); // the first to this payee: a new payee
        pay(payer, payee);
        Thread test = Thread.currentThread();
        COUNTER.start(counted(test));
        pay(payer, payee);
        Map<String, Integer> histogram = COUNTER.stop();
        System.out.println("Statements of one chat payment (issue 22):\n" + StatementCounter.print(histogram));
        assertThat(StatementCounter.statements(histogram))
                .as("statements of one chat payment; the histogram is printed above")
                .isLessThanOrEqualTo(STATEMENTS_MAX);
        assertThat(StatementCounter.commits(histogram))
                .as("commits of one chat payment; the histogram is printed above")
                .isLessThanOrEqualTo(COMMITS_MAX);
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "issue 22: a chat payment's receipt is not repeated in its chat as a posting alert; it is alerted in another chat she reads first")
    void aChatPaymentsReceiptIsNotRepeatedInItsChatButIsAlertedInAnotherChat() {
        Chat alone = chat("alone");
        Chat payee = chat("alonepayee");
        Chat baleFirst = chat("balefirst");
        var bale = identities.identify(org.socialbank.shared.Network.BALE, "b" + baleFirst.user(), null, null);
        linking.setCustomer(bale.id(), baleFirst.customer(), Instant.now().minus(Duration.ofDays(2)));
        alerts.save(alerts.settings(baleFirst.customer()).withPreferredChannel(org.socialbank.shared.Network.BALE));
        Chat twoOnTelegram = chat("twotelegram");
        var second =
                identities.identify(org.socialbank.shared.Network.TELEGRAM, "9" + twoOnTelegram.user(), null, null);
        linking.setCustomer(second.id(), twoOnTelegram.customer(), Instant.now().minus(Duration.ofDays(3)));
        follow(); // the wallets' funding alerts, out of the way of the payments' messages
        relay.relay();

        pay(alone, payee);
        int seen = API.sent(TOKEN, Long.toString(alone.user())).size();
        follow();
        relay.relay();
        assertThat(outgoing(alone)).containsExactly("told_elsewhere");
        assertThat(API.sent(TOKEN, Long.toString(alone.user())))
                .as("nothing after the receipt in the chat she paid from")
                .hasSize(seen);

        pay(baleFirst, payee);
        follow();
        assertThat(outgoing(baleFirst))
                .as("her alerts go to Bale first: the receipt was on Telegram")
                .containsExactly("sent");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE identity_id = ?")
                        .param(bale.id().value())
                        .query(Integer.class)
                        .single())
                .as("her funding alert and the payment's")
                .isEqualTo(2);

        pay(twoOnTelegram, payee);
        follow();
        assertThat(outgoing(twoOnTelegram))
                .as("two Telegram chats: which one she paid from is not known to the alert, so it goes")
                .containsExactly("sent");
    }

    private void follow() {
        for (int round = 0; round < 100 && transactionAlerts.follow() > 0; round++) {
            // each round takes one batch of the journal
        }
    }

    /** The statuses of the alerts of money out of the chat's customer's wallet. */
    private java.util.List<String> outgoing(Chat chat) {
        return jdbc.sql("SELECT status FROM transaction_alerts WHERE account_id = ? AND kind = 'outgoing' "
                        + "ORDER BY posted_at")
                .param(chat.wallet().value())
                .query(String.class)
                .list();
    }

    @Test
    @EnabledIfSystemProperty(named = "chatpath.cpu.payments", matches = "\\d+")
    void cpuPerChatPayment() {
        int payments = Integer.parseInt(System.getProperty("chatpath.cpu.payments"));
        Chat a = chat("cpua");
        Chat b = chat("cpub");
        for (int i = 0; i < Math.max(20, payments / 5); i++) { // warm up: the JIT, the caches
            pay(a, b);
            pay(b, a);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < payments; i++) {
            pay(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a);
        }
        System.out.printf(
                "chat path, indicative: %d payments, process CPU %.2f ms per payment, wall %.2f ms per payment%n",
                payments, (os.getProcessCpuTime() - cpu) / 1e6 / payments, (System.nanoTime() - wall) / 1e6 / payments);
    }

    /**
     * The webhook's request threads (virtual "tomcat-handler-N", or a platform pool's "-exec-N"),
     * the relay's senders and the test's thread (which relays); not the schedulers' janitors.
     */
    private static Predicate<Thread> counted(Thread test) {
        return t -> t == test
                || t.getName().startsWith("tomcat-handler")
                || t.getName().contains("-exec-")
                || t.getName().startsWith("outbox-send");
    }

    /** A customer with a $tag and a funded EUR wallet, and a Telegram chat linked to them two days ago. */
    private Chat chat(String role) {
        long user = IDS.incrementAndGet();
        String tag = "q" + role + (user % 1_000_000);
        Customers.Customer customer = new Customers(directory, ledger)
                .named("Queries " + role)
                .phone("+336763" + String.format("%05d", user % 100_000))
                .tag(tag)
                .wallet("EUR", 1_000_000)
                .create();
        var identity = identities.identify(org.socialbank.shared.Network.TELEGRAM, Long.toString(user), null, null);
        linking.setCustomer(identity.id(), customer.id(), Instant.now().minus(Duration.ofDays(2)));
        return new Chat(user, tag, customer.id(), customer.wallet());
    }

    record Chat(
            long user,
            String tag,
            org.socialbank.directory.CustomerId customer,
            org.socialbank.ledger.AccountId wallet) {}

    /** One chat payment as the benchmark makes it, each answer relayed before the next update. */
    private void pay(Chat payer, Chat payee) {
        int seen = API.sent(TOKEN, Long.toString(payer.user())).size();
        ObjectNode text = Recorded.update("private-text", IDS.incrementAndGet(), payer.user());
        ((ObjectNode) text.get("message")).put("text", "pay $" + payee.tag() + " 0.01");
        post(text);
        relay.relay();
        JsonNode confirmation = received(payer, seen + 1);
        String confirm = null;
        for (JsonNode button :
                confirmation.path("reply_markup").path("inline_keyboard").path(0)) {
            if (button.path("text").asString().equals("Confirm")) {
                confirm = button.path("callback_data").asString();
            }
        }
        assertThat(confirm).as("a Confirm button in " + confirmation).isNotNull();
        ObjectNode press = Recorded.update("callback-query", IDS.incrementAndGet(), payer.user());
        ((ObjectNode) press.get("callback_query")).put("data", confirm).put("id", "q" + IDS.incrementAndGet());
        post(press);
        relay.relay();
        assertThat(received(payer, seen + 2).path("text").asString())
                .as("the receipt")
                .startsWith("Paid");
    }

    private JsonNode received(Chat chat, int n) {
        API.await(calls -> API.sent(TOKEN, Long.toString(chat.user())).size() >= n, Duration.ofSeconds(30));
        return API.sent(TOKEN, Long.toString(chat.user())).get(n - 1).body();
    }

    private void post(ObjectNode update) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram/bank"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Recorded.bytes(update)))
                .build();
        try {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
