package org.socialbank.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socialbank.support.MutableClock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Security review #14 (issue 12): the public health check does not call the Bot API per request. */
class TelegramHealthUnitTests {

    static final FakeTelegramApi API = new FakeTelegramApi();
    static final String ONE = "771:health-one";
    static final String TWO = "772:health-two";

    @AfterAll
    static void stop() {
        API.close();
    }

    static TelegramBots bots() {
        TelegramProperties.Bots telegram = new TelegramProperties.Bots(Map.of("one", bot(ONE), "two", bot(TWO)));
        return TelegramBots.of(
                new TelegramProperties(telegram, new TelegramProperties.Bots(Map.of())), Throttle.Time.SYSTEM);
    }

    static TelegramProperties.Bot bot(String token) {
        return new TelegramProperties.Bot(
                token,
                "health-secret-0123456789",
                API.baseUrl(),
                "webhook",
                null,
                "bank_bot",
                30,
                1,
                20,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofSeconds(25));
    }

    @Test
    @DisplayName("security review #14: N health calls make at most one getWebhookInfo call per bot per interval")
    void manyHealthCallsMakeOneCallPerBotPerInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
        TelegramHealth health = new TelegramHealth(bots(), clock);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Health>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(callers.submit((java.util.concurrent.Callable<Health>) health::health));
            }
            for (Future<Health> answer : answers) {
                assertThat(answer.get().getStatus()).isEqualTo(Status.UP);
                assertThat(answer.get().getDetails()).containsKeys("telegram/one", "telegram/two");
            }
        } finally {
            callers.shutdown();
        }
        assertThat(API.calls(ONE, "getWebhookInfo")).hasSize(1);
        assertThat(API.calls(TWO, "getWebhookInfo")).hasSize(1);

        clock.advance(TelegramHealth.CACHED_FOR.minusSeconds(1));
        for (int i = 0; i < 50; i++) {
            health.health();
        }
        assertThat(API.calls(ONE, "getWebhookInfo"))
                .as("still within the interval")
                .hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            health.health();
        }
        assertThat(API.calls(ONE, "getWebhookInfo"))
                .as("asked again once the interval passed")
                .hasSize(2);
        assertThat(API.calls(TWO, "getWebhookInfo")).hasSize(2);
    }

    @Test
    void aFailedAnswerIsKeptTooAndShowsDown() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
        String token = "773:health-429";
        TelegramBots bots = TelegramBots.of(
                new TelegramProperties(
                        new TelegramProperties.Bots(Map.of("limited", bot(token))),
                        new TelegramProperties.Bots(Map.of())),
                Throttle.Time.SYSTEM);
        API.fail(token, "getWebhookInfo", 429, "Too Many Requests: retry after 30", 30);
        TelegramHealth health = new TelegramHealth(bots, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
        assertThat(API.calls(token, "getWebhookInfo")).hasSize(1);
        clock.advance(TelegramHealth.CACHED_FOR);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
