package org.socialbank.conversation.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.socialbank.conversation.ChannelSender;
import org.socialbank.conversation.ConversationProperties;
import org.socialbank.conversation.Outbound;
import org.socialbank.conversation.OutboundMessage;
import org.socialbank.conversation.SendOutcome;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long an idle chat waits for its reply while the outbox is busy (issue 13): the real relay
 * (dispatcher, workers, per-chat order, sealing) on a fresh PostgreSQL database, sending to a
 * simulated Telegram bot that keeps Telegram's rates (1 message/s per chat, 30/s per bot; a turn
 * more than a second away is "not now", as TelegramSender does) with 30 ms per call.
 * Scenario "flood": one chat has 100 replies queued; scenario "campaign": 10,000 chats have one
 * each. Meanwhile an idle chat gets a reply every 500 ms; its delay is from the commit of the
 * reply to the simulated platform's call. Not a test: run by bench/relay.sh, see docs/benchmarks.md.
 */
public final class OutboxRelayBench {

    static final int SAMPLES = 40;
    static final long SAMPLE_EVERY_MS = 500;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/";
        for (String scenario : List.of("flood", "campaign")) {
            List<Long> delays = run(base, scenario);
            System.out.println(summary(scenario, delays));
            System.out.flush();
        }
        System.exit(0);
    }

    static List<Long> run(String base, String scenario) throws Exception {
        String db = "sb_relay_bench";
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db);
        }
        HikariDataSource data = new HikariDataSource();
        data.setJdbcUrl(base + db);
        data.setUsername("postgres");
        data.setMaximumPoolSize(16);
        Flyway.configure().dataSource(data).locations("classpath:db/migration/common",
                "classpath:db/migration/postgresql").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        JdbcConversations store = new JdbcConversations(jdbc);
        PayloadSeal seal = new PayloadSeal(new OneTimeCodes(new byte[32]));
        RelaySignal signal = new RelaySignal();
        Clock clock = Clock.systemUTC();
        ConversationProperties properties = new ConversationProperties(Duration.ofMinutes(10), true,
                Duration.ofSeconds(1), 50, Duration.ofSeconds(30), 8, Duration.ofSeconds(2), Duration.ofMinutes(1),
                Duration.ofMinutes(10), Duration.ofDays(30), 1000, 32, 16, Duration.ofHours(6),
                Duration.ofMinutes(10), Duration.ofMinutes(2));
        SimulatedBot bot = new SimulatedBot();
        OutboxRelay relay = new OutboxRelay(store, seal, signal, List.of(bot), properties, clock, event -> {}, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        Outbox outbox = new Outbox(store, seal, signal, clock);
        if (scenario.equals("flood")) {
            JdbcConversations.Chat busy = chat(jdbc, "busy");
            for (int i = 0; i < 100; i++) {
                outbox.write(busy, new Outbound.Text("flood " + i));
            }
        } else {
            org.springframework.transaction.support.TransactionTemplate batches =
                    new org.springframework.transaction.support.TransactionTemplate(
                            new org.springframework.jdbc.support.JdbcTransactionManager(data));
            for (int batch = 0; batch < 10; batch++) {
                int first = batch * 1000;
                batches.executeWithoutResult(tx -> {
                    for (int i = first; i < first + 1000; i++) {
                        outbox.write(chat(jdbc, "c" + i), new Outbound.Text("campaign " + i));
                    }
                });
            }
        }
        relay.start();
        List<Long> delays = new ArrayList<>();
        try {
            for (int i = 0; i < SAMPLES; i++) {
                Thread.sleep(SAMPLE_EVERY_MS);
                String idle = "idle" + i;
                UUID id = outbox.write(chat(jdbc, idle), new Outbound.Text("help")).id();
                long written = System.nanoTime();
                delays.add(bot.awaitSent(id, written));
            }
        } finally {
            relay.stop();
            data.close();
        }
        return delays;
    }

    static JdbcConversations.Chat chat(JdbcClient jdbc, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO channel_identities (id, channel, external_id, reachable, created_at) "
                + "VALUES (?, 'telegram', ?, TRUE, CURRENT_TIMESTAMP)").params(id, name + "-" + id).update();
        return new JdbcConversations.Chat(new IdentityId(id), Network.TELEGRAM, name + "-" + id);
    }

    static String summary(String scenario, List<Long> delaysMs) {
        List<Long> sorted = delaysMs.stream().sorted().toList();
        long p50 = sorted.get((int) Math.ceil(0.50 * sorted.size()) - 1);
        long p99 = sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
        return scenario + ": idle-chat reply delay over " + sorted.size() + " replies: p50 " + p50 + " ms, p99 " + p99
                + " ms, max " + sorted.get(sorted.size() - 1) + " ms";
    }

    /** Telegram's rates for one bot, 30 ms per call; records when each message was "sent". */
    static final class SimulatedBot implements ChannelSender {
        static final long SECOND = 1_000_000_000L;
        private final Map<String, Long> lastToChat = new ConcurrentHashMap<>();
        private final java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
        private final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();

        @Override
        public Network network() {
            return Network.TELEGRAM;
        }

        @Override
        public SendOutcome send(OutboundMessage message, String idempotencyKey) {
            long wait;
            while ((wait = turn(message.recipient())) > 0) {
                if (wait > SECOND) {
                    return new SendOutcome.NotNow(Duration.ofNanos(wait), "rate");
                }
                sleep(wait / 1_000_000 + 1);
            }
            sleep(30);
            sentAt.put(message.id(), System.nanoTime());
            return new SendOutcome.Sent();
        }

        /** 0 when the message may go now (and counts it), else nanoseconds to wait. */
        private synchronized long turn(String chat) {
            long now = System.nanoTime();
            while (!window.isEmpty() && now - window.peekFirst() >= SECOND) {
                window.pollFirst();
            }
            long overall = window.size() < 30 ? 0 : window.peekFirst() + SECOND - now;
            Long last = lastToChat.get(chat);
            long perChat = last == null || now - last >= SECOND ? 0 : last + SECOND - now;
            long wait = Math.max(overall, perChat);
            if (wait == 0) {
                window.addLast(now);
                lastToChat.put(chat, now);
            }
            return wait;
        }

        long awaitSent(UUID id, long written) throws InterruptedException {
            long deadline = written + 120 * SECOND;
            while (!sentAt.containsKey(id)) {
                if (System.nanoTime() > deadline) {
                    return 120_000;
                }
                Thread.sleep(2);
            }
            return (sentAt.get(id) - written) / 1_000_000;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
