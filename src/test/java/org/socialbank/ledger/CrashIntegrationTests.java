package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.LedgerFixtures;
import org.socialbank.support.PostgresDatabases;
import org.socialbank.support.ServerProcess;
import org.socialbank.support.TestStores;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Durability: the packaged jar runs as its own process under concurrent load and is killed with
 * SIGKILL mid-load. After a restart every transfer it acknowledged with 2xx is there, replays of
 * them are answered as replays, and the ledger's invariants hold. On the embedded H2 default and
 * on PostgreSQL. (A power cut is beyond a test here; the H2 store fsyncs before answering.) The
 * 16 clients' transfers are written in groups (the ledger's group commit, issue 22): the kill cuts
 * groups in the middle, and the test checks that groups of more than one transfer were being
 * written before it. Four of the clients send linked batches, which are grouped too: after the
 * restart every acknowledged batch is there whole, and every batch whose answer the kill cut off
 * is there whole or not at all. H2 can keep part of a transaction that was in flight at the kill
 * (docs/adr/0017): its restart rebuilds the store from its rows and replays the ledger's journal
 * before it answers, which the test checks ran once each, and prints what was repaired.
 */
class CrashIntegrationTests {

    static final String TOKEN = "crash-test-token-0123456789";
    static final int CLIENTS = 16;
    static final int ACCOUNTS = 10;
    /** Clients 0 to 3 send linked batches of two to five transfers; the others single transfers. */
    static final int BATCH_CLIENTS = 4;

    /** A linked batch sent: its transfers' ids and the request body. */
    record Batch(List<String> ids, String body) {}

    @Test
    void theEmbeddedStoreKeepsEveryAcknowledgedTransfer(@TempDir Path dir) throws Exception {
        // the Quick start's store and mode: demo mode is asked for, never implied by H2 (security review #8)
        Map<String, String> env = Map.of("SOCIALBANK_API_TOKEN", TOKEN, "SOCIALBANK_DEMO_ENABLED", "true");
        crashAndCheck(dir, env, true);
        // the server holds the H2 file while it runs; audit the file once it has stopped
        DataSource h2 = new DriverManagerDataSource(TestStores.h2Url(dir.resolve("data")), "sa", "");
        JdbcClient jdbc = JdbcClient.create(h2);
        // H2 can keep part of a transaction in flight at the kill; the restart set it right
        log("repairs at the restart: "
                + jdbc.sql("SELECT what || ' ' || subject || ': ' || stored || ' -> ' || derived "
                                + "FROM ledger_repairs ORDER BY id")
                        .query(String.class)
                        .list());
        audit(new LedgerAudit(jdbc));
    }

    @Test
    void postgresKeepsEveryAcknowledgedTransfer(@TempDir Path dir) throws Exception {
        String url = PostgresDatabases.create();
        Map<String, String> env = Map.of(
                "SOCIALBANK_API_TOKEN",
                TOKEN,
                "SPRING_DATASOURCE_URL",
                url,
                "SOCIALBANK_OTP_PEPPER",
                "a3Dqu2rfCglSUYJ6IrOw1JgjrCRKH5XNoUdlLXgRxlc=",
                "SPRING_DATASOURCE_USERNAME",
                PostgresDatabases.user(),
                "SPRING_DATASOURCE_PASSWORD",
                "");
        crashAndCheck(dir, env, false);
        audit(new LedgerAudit(JdbcClient.create(new DriverManagerDataSource(url, PostgresDatabases.user(), ""))));
    }

    /**
     * Kills the server under load, restarts it, and checks every answer it gave; {@code recovers}:
     * whether the store is one whose restart after a kill replays the ledger's journal first (H2,
     * docs/adr/0017).
     */
    private void crashAndCheck(Path dir, Map<String, String> env, boolean recovers) throws Exception {
        Files.createDirectories(dir);
        int port = ServerProcess.freePort();
        Api api = new Api("http://127.0.0.1:" + port, TOKEN);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<Batch> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Batch> cutOff = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerProcess server = new ServerProcess(dir, env, port)) {
            server.start();
            List<String> accounts = LedgerFixtures.fundedWallets(api, ACCOUNTS - 1, 1_000_000);
            log("started and opened accounts");
            load(api, accounts, new Sent(acknowledged, batches, cutOff), server);
            log("killed after " + acknowledged.size() + " acknowledged transfers");
            assertThat(acknowledged)
                    .as("transfers acknowledged before the kill")
                    .hasSizeGreaterThan(50);
            server.start();
            log("restarted");
            List<String> serverLog = Files.readAllLines(server.log());
            assertThat(serverLog.stream().filter(line -> line.contains("did not stop cleanly: rebuilt from its rows")))
                    .as("the embedded store rebuilt from its rows at the restart after the kill (none on PostgreSQL)")
                    .hasSize(recovers ? 1 : 0);
            List<String> recovery = serverLog.stream()
                    .filter(line -> line.contains("Ledger recovery: ") && line.contains("journal rows replayed"))
                    .toList();
            assertThat(recovery)
                    .as("the ledger's recovery at the start after the kill, not the first (none on PostgreSQL)")
                    .hasSize(recovers ? 1 : 0);
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                Response stored = api.get("/api/v1/transfers/" + ack.getKey());
                assertThat(stored.status())
                        .as("acknowledged %s after the crash", ack.getKey())
                        .isEqualTo(200);
                Response replay = api.post("/api/v1/transfers", ack.getValue());
                assertThat(replay.status()).as("replay of %s", ack.getKey()).isEqualTo(200);
                assertThat(replay.json()).isEqualTo(stored.json());
            }
            for (Batch batch : batches) {
                Response replay = api.post("/api/v1/transfers/batch", batch.body());
                assertThat(replay.status())
                        .as("replay of an acknowledged batch")
                        .isEqualTo(200);
            }
            for (Batch batch : cutOff) {
                long there = batch.ids().stream()
                        .filter(id -> api.get("/api/v1/transfers/" + id).status() == 200)
                        .count();
                assertThat(there)
                        .as("transfers of a batch cut off by the kill that are there: all or none")
                        .isIn(0L, (long) batch.ids().size());
            }
            log("checked every acknowledged transfer, " + batches.size() + " acknowledged batches and " + cutOff.size()
                    + " cut off");
            server.stop();
        }
    }

    private static void log(String event) {
        System.out.println(Instant.now() + " crash test: " + event);
    }

    /**
     * What the clients sent: single and batched transfers acknowledged (id to body: a batch's
     * transfers are there with their own bodies), the batches acknowledged, and the batches whose
     * answer the kill cut off.
     */
    record Sent(Map<String, String> acknowledged, List<Batch> batches, List<Batch> cutOff) {}

    /** Drives transfers from many clients and kills the server while they are in flight. */
    private void load(Api api, List<String> accounts, Sent sent, ServerProcess server) throws Exception {
        Map<String, String> acknowledged = sent.acknowledged();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            pool.submit(() -> {
                java.util.Random random = new java.util.Random(client);
                for (int i = 0; running.get() && i < 100_000; i++) {
                    if (client < BATCH_CLIENTS) {
                        sendBatch(api, accounts, random, sent, serverErrors);
                        continue;
                    }
                    String id = UUID.randomUUID().toString();
                    int from = random.nextInt(ACCOUNTS);
                    int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    String body = LedgerFixtures.transfer(
                            id, accounts.get(from), accounts.get(to), 1 + random.nextInt(500), "EUR", "{}");
                    try {
                        Response r = api.post("/api/v1/transfers", body);
                        if (r.status() == 201 || r.status() == 200) {
                            acknowledged.put(id, body);
                        } else if (r.status() >= 500) {
                            serverErrors.incrementAndGet();
                        }
                    } catch (RuntimeException connectionLost) {
                        // the outcome of a request cut off by the kill is unknown: not acknowledged
                    }
                }
            });
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (acknowledged.size() < 400 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        long[] groups = groupSizes(api, "socialbank_ledger_group_size_transfers");
        long[] linkedGroups = groupSizes(api, "socialbank_ledger_linked_group_size_batches");
        server.kill();
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(serverErrors.get()).as("5xx answers before the kill").isZero();
        assertThat(groups[1])
                .as("transfers written in %d groups before the kill", groups[0])
                .isGreaterThan(groups[0]);
        assertThat(linkedGroups[1])
                .as("linked batches written in %d groups before the kill", linkedGroups[0])
                .isGreaterThan(linkedGroups[0]);
    }

    private static void sendBatch(
            Api api, List<String> accounts, java.util.Random random, Sent sent, AtomicInteger serverErrors) {
        int size = 2 + random.nextInt(4);
        List<String> ids = new java.util.ArrayList<>();
        List<String> bodies = new java.util.ArrayList<>();
        for (int t = 0; t < size; t++) {
            String id = UUID.randomUUID().toString();
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            ids.add(id);
            bodies.add(LedgerFixtures.transfer(
                    id, accounts.get(from), accounts.get(to), 1 + random.nextInt(500), "EUR", "{}"));
        }
        Batch batch = new Batch(ids, "{\"transfers\": [" + String.join(", ", bodies) + "]}");
        try {
            Response r = api.post("/api/v1/transfers/batch", batch.body());
            if (r.status() == 201 || r.status() == 200) {
                sent.batches().add(batch);
                for (int t = 0; t < size; t++) {
                    sent.acknowledged().put(ids.get(t), bodies.get(t));
                }
            } else if (r.status() >= 500) {
                serverErrors.incrementAndGet();
            }
        } catch (RuntimeException connectionLost) {
            sent.cutOff().add(batch); // its outcome is unknown: whole or nothing, the restart shows which
        }
    }

    /** A group commit's groups so far and what they held, from the server's metrics. */
    private static long[] groupSizes(Api api, String summary) {
        Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).as("metrics").isEqualTo(200);
        return new long[] {metric(metrics.body(), summary + "_count"), metric(metrics.body(), summary + "_sum")};
    }

    private static long metric(String exposition, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.Ee+]+)$")
                .matcher(exposition);
        assertThat(m.find())
                .as("metric %s in %s", name, exposition.length() > 400 ? "the exposition" : exposition)
                .isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    /**
     * Both audits, each reported: an unbalanced ledger after a crash (seen once in CI on H2 before
     * the start-up recovery, docs/adr/0017) says more with whether the balances match the journal.
     */
    private static void audit(LedgerAudit audit) {
        AssertionError unbalanced = null;
        try {
            audit.assertBalanced();
        } catch (AssertionError e) {
            unbalanced = e;
        }
        try {
            audit.assertBalancesMatchTheJournal();
        } catch (AssertionError e) {
            if (unbalanced != null) {
                unbalanced.addSuppressed(e);
                throw unbalanced;
            }
            throw e;
        }
        if (unbalanced != null) {
            throw new AssertionError("the balances match the journal, yet: " + unbalanced.getMessage(), unbalanced);
        }
    }
}
