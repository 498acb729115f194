package org.socialbank.listening.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.socialbank.listening.Mentions;
import org.socialbank.listening.NewMention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spike alerts are raised once when several nodes scan at the same moment (the UNIQUE topic,
 * kind and bucket), and each alert writes exactly one staff-chat message to the outbox. The same
 * test on H2 and on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class SpikeAlertsConcurrency {

    static final String STAFF_CHAT = "-1005550001111";
    static final int NODES = 4;

    @Autowired
    SpikeAlerts alerts;

    @Autowired
    Mentions mentions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void staffChat(DynamicPropertyRegistry registry) {
        registry.add("socialbank.listening.cases.alerts-enabled", () -> "false");
        registry.add("socialbank.listening.staff-chat.network", () -> "telegram");
        registry.add("socialbank.listening.staff-chat.chat-id", () -> STAFF_CHAT);
    }

    @Test
    void scansAtTheSameMomentRaiseEachSpikeOnce() throws Exception {
        Instant now = clock.instant();
        String[] texts = {
            "The fees are outrageous, another hidden charge",
            "hidden fees again, what a rip-off",
            "why do you charge a fee for everything? terrible",
            "new account fee, unacceptable and awful",
            "fees fees fees, worst bank ever",
            "I was charged a fee twice, scandalous"
        };
        for (int i = 0; i < texts.length; i++) {
            mentions.record(new NewMention(
                    "appstore",
                    UUID.randomUUID().toString(),
                    texts[i],
                    "reviewer" + i,
                    now.minusSeconds(90L * (i + 1))));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        List<Future<List<SpikeAlert>>> scans = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            scans.add(nodes.submit(() -> {
                start.await();
                return alerts.raise();
            }));
        }
        start.countDown();
        List<SpikeAlert> raised = new ArrayList<>();
        for (Future<List<SpikeAlert>> scan : scans) {
            raised.addAll(scan.get());
        }
        nodes.shutdown();
        assertThat(raised).isNotEmpty();
        assertThat(raised.stream()
                        .map(a -> a.topic() + " " + a.kind())
                        .distinct()
                        .count())
                .isEqualTo(raised.size());
        long rows = jdbc.sql("SELECT COUNT(*) FROM listening_spike_alerts")
                .query(Long.class)
                .single();
        long messages = jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ?")
                .param(STAFF_CHAT)
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(raised.size());
        assertThat(messages).isEqualTo(raised.size());
        assertThat(alerts.raise()).isEmpty();
    }
}
