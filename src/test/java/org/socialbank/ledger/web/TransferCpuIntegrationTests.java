package org.socialbank.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.LedgerFixtures;
import org.socialbank.support.TestStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 22 section 3: the server's CPU per {@code POST /api/v1/transfers} (and per transfer in
 * {@code /batch}), measured in this JVM with {@link CpuProbe}, then a JFR profile of the same path.
 * A measurement, not a test of speed: it asserts only that every request was booked (201), and runs
 * only when asked:
 *
 * <pre>
 * mvn -o -q -Dtest=TransferCpuIntegrationTests -Dsocialbank.cpu-probe=true \
 *     [-Dsocialbank.cpu-probe.store=postgres] [-Dsocialbank.cpu-probe.requests=20000] test
 * </pre>
 *
 * It prints {@code cpu-probe ...} lines and appends them to {@code target/cpu-probe/results.txt};
 * the JFR files are beside it. Figures from a shared machine are indicative only (docs/benchmarks.md
 * "Lean transfer path").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "socialbank.cpu-probe", matches = "true")
class TransferCpuIntegrationTests {

    private static final Path OUT = Path.of("target", "cpu-probe");
    private static final int WALLETS = 100;
    private static final int CONNECTIONS = Integer.getInteger("socialbank.cpu-probe.connections", 16);
    private static final int REQUESTS = Integer.getInteger("socialbank.cpu-probe.requests", 20_000);
    private static final int BATCH = 64;

    @LocalServerPort
    int port;

    private final List<String> wallets = new ArrayList<>();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        if ("postgres".equals(System.getProperty("socialbank.cpu-probe.store"))) {
            TestStores.postgres(registry);
        } else {
            TestStores.h2(registry);
        }
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "16");
    }

    @BeforeEach
    void fundWallets() {
        Api api = new Api(port);
        String bank = open(api, "bank_equity", "[]");
        for (int i = 0; i < WALLETS; i++) {
            String wallet = open(api, "customer_wallet", "[\"debits_must_not_exceed_credits\"]");
            Response funded = api.post(
                    "/api/v1/transfers",
                    LedgerFixtures.transfer(UUID.randomUUID().toString(), bank, wallet, 1_000_000_000L, "EUR", "{}"));
            assertThat(funded.status()).as(funded.toString()).isEqualTo(201);
            wallets.add(wallet);
        }
    }

    @Test
    void singleTransfers() throws Exception {
        measure("single", "/api/v1/transfers", this::transferJson, 1);
    }

    @Test
    void batchesOf64() throws Exception {
        measure(
                "batch" + BATCH,
                "/api/v1/transfers/batch",
                () -> {
                    StringBuilder body = new StringBuilder("{\"transfers\":[");
                    for (int i = 0; i < BATCH; i++) {
                        body.append(i == 0 ? "" : ",").append(transferJson());
                    }
                    return body.append("]}").toString();
                },
                BATCH);
    }

    private void measure(String name, String path, java.util.function.Supplier<String> body, int perRequest)
            throws Exception {
        String store = System.getProperty("socialbank.cpu-probe.store", "h2");
        String label = System.getProperty("socialbank.cpu-probe.label", "run") + "-" + store + "-" + name;
        int requests = Math.max(REQUESTS / perRequest, 200);
        CpuProbe probe = new CpuProbe(port, CONNECTIONS, n -> message(path, body.get()));
        List<String> lines = new ArrayList<>();
        CpuProbe.awaitQuiet(java.time.Duration.ofMinutes(3));
        probe.run(label + "-warmup", requests);
        CpuProbe.awaitQuiet(java.time.Duration.ofMinutes(1));
        lines.add("cpu-probe %s idle_server_cpu_ms_per_s=%.1f"
                .formatted(label, CpuProbe.idleCpuMsPerSecond(java.time.Duration.ofSeconds(5))));
        for (int round = 1; round <= 2; round++) {
            CpuProbe.Result result = probe.run(label + "-round" + round, requests);
            assertThat(result.statuses()).as(result.line()).isEqualTo(Map.of("201", (long) requests));
            lines.add(result.line()
                    + " server_cpu_ms_per_transfer=%.3f".formatted(result.serverCpuMsPerRequest() / perRequest));
        }
        lines.add(probe.profile(requests / 2, OUT.resolve(label + ".jfr")));
        lines.forEach(System.out::println);
        Files.createDirectories(OUT);
        Files.writeString(
                OUT.resolve("results.txt"),
                String.join("\n", lines) + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private byte[] message(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + Api.TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, message, 0, head8.length);
        System.arraycopy(body, 0, message, head8.length, body.length);
        return message;
    }

    /** What bench/wrk/transfers.lua sends: two distinct random wallets, 1..1000 minor units, a fresh id. */
    private String transferJson() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int debit = random.nextInt(WALLETS);
        int credit = random.nextInt(WALLETS - 1);
        if (credit >= debit) {
            credit++;
        }
        UUID id = new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
        return "{\"id\":\"" + id + "\",\"debitAccountId\":\"" + wallets.get(debit) + "\",\"creditAccountId\":\""
                + wallets.get(credit) + "\",\"amountMinor\":" + random.nextInt(1, 1001)
                + ",\"currency\":\"EUR\",\"code\":\"p2p\"}";
    }

    private static String open(Api api, String kind, String flags) {
        String id = UUID.randomUUID().toString();
        Response opened = api.post(
                "/api/v1/accounts",
                "{\"id\":\"%s\",\"currency\":\"EUR\",\"kind\":\"%s\",\"flags\":%s}".formatted(id, kind, flags));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return id;
    }
}
