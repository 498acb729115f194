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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialbank.SocialbankApplication;
import org.socialbank.support.Api;
import org.socialbank.support.Await;
import org.socialbank.support.PostgresDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two server nodes on one PostgreSQL database (issue 22, section 4): Telegram delivers the same
 * update to both at the same instant, as a retry through a round-robin balancer can, and the bank
 * acts on it once: one inbox row, one reply to the chat, sent by exactly one node's outbox relay.
 */
class TwoNodesIntegrationTests {

    private static final String TOKEN = "888:twonodes";
    private static final String SECRET = "two-nodes-secret-0123456789";
    private static final FakeTelegramApi API = new FakeTelegramApi();
    private static final List<ConfigurableApplicationContext> NODES = new ArrayList<>();
    private static JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() {
        String url = PostgresDatabases.create();
        for (int node = 0; node < 2; node++) {
            // as command-line arguments: SpringApplicationBuilder.properties(...) would only be defaults,
            // which application.yml's embedded H2 store overrides, and both nodes would run on ./data
            NODES.add(new SpringApplicationBuilder(SocialbankApplication.class)
                    .run(Map.ofEntries(
                                    Map.entry("server.port", "0"),
                                    Map.entry("spring.datasource.url", url),
                                    Map.entry("spring.datasource.username", PostgresDatabases.user()),
                                    Map.entry("spring.datasource.password", ""),
                                    Map.entry("spring.datasource.hikari.maximum-pool-size", "8"),
                                    Map.entry("socialbank.api.tokens", Api.TOKEN),
                                    Map.entry("socialbank.demo.enabled", "false"),
                                    Map.entry("socialbank.conversation.relay-interval", "100ms"),
                                    Map.entry("socialbank.channels.telegram.bots.main.token", TOKEN),
                                    Map.entry("socialbank.channels.telegram.bots.main.api-base-url", API.baseUrl()),
                                    Map.entry("socialbank.channels.telegram.bots.main.secret-token", SECRET))
                            .entrySet()
                            .stream()
                            .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                            .toArray(String[]::new)));
        }
        jdbc = NODES.get(0).getBean(JdbcClient.class);
        for (ConfigurableApplicationContext node : NODES) {
            assertThat(node.getEnvironment().getProperty("spring.datasource.url"))
                    .as("each node runs on the shared PostgreSQL database")
                    .isEqualTo(url);
        }
    }

    @AfterAll
    static void stopNodes() {
        NODES.forEach(ConfigurableApplicationContext::close);
        API.close();
    }

    @Test
    void anUpdateDeliveredToBothNodesAtOnceActsOnce() throws Exception {
        Random random = new Random(22);
        long base = 4_000_000L + random.nextInt(1_000_000) * 100L;
        int updates = 30;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < updates; i++) {
                long user = base + i;
                byte[] body = Recorded.bytes(Recorded.update("private-text", base + i, user));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (ConfigurableApplicationContext node : NODES) {
                    answers.add(pool.submit(() -> {
                        together.await();
                        return post(node, body).statusCode();
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get())
                            .as("both nodes acknowledge the update")
                            .isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        API.await(
                calls -> {
                    for (int i = 0; i < updates; i++) {
                        if (API.sent(TOKEN, Long.toString(base + i)).isEmpty()) {
                            return false;
                        }
                    }
                    return true;
                },
                Duration.ofSeconds(60));
        // both nodes wrote every reply before they answered: once none is unsent, nothing else can leave
        Await.until(
                () -> jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient IN ("
                                        + String.join(
                                                ",",
                                                java.util.stream.LongStream.range(base, base + updates)
                                                        .mapToObj(u -> "'" + u + "'")
                                                        .toList())
                                        + ") AND status <> 'SUCCEEDED'")
                                .query(Long.class)
                                .single()
                        == 0,
                "every reply on both nodes is sent");
        for (int i = 0; i < updates; i++) {
            String chat = Long.toString(base + i);
            assertThat(API.sent(TOKEN, chat)).as("replies to chat %s", chat).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_messages WHERE external_message_id = ?")
                            .param("main:" + (base + i))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_updates WHERE bot = 'main' AND update_id = ?")
                            .param(base + i)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, byte[] body) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram/main"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
