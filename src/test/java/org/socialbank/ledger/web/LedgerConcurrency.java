package org.socialbank.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.Ids;
import org.socialbank.support.LedgerAudit;
import org.socialbank.support.LedgerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 32 clients x 2,000 random transfers among 10 accounts over real HTTP, with overdraft attempts,
 * exact replays and conflicting reuse of ids, racing each other. Afterwards: no 5xx was ever
 * answered, every transfer acknowledged with 2xx is in the journal exactly once with the fields
 * acknowledged, and the invariants hold. The clients' transfers are written in groups (the
 * ledger's group commit, issue 22): replays and conflicting ids meet inside one group too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LedgerConcurrency {

    static final int CLIENTS = 32;
    static final int TRANSFERS_PER_CLIENT = 2_000;
    static final int ACCOUNTS = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    record Sent(String id, String body) {}

    @Test
    void concurrentClientsNeverBreakTheLedger() throws Exception {
        Api api = new Api(port);
        List<String> accounts = LedgerFixtures.fundedWallets(api, ACCOUNTS - 1, 100_000);
        long journalBefore =
                jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single();
        List<Sent> sent = new CopyOnWriteArrayList<>();
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long seed = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            RandomGenerator random =
                    RandomGeneratorFactory.of("L64X128MixRandom").create(seed + c);
            clients.add(pool.submit(() -> {
                for (int i = 0; i < TRANSFERS_PER_CLIENT; i++) {
                    Sent request = next(random, accounts, sent);
                    Response r = api.post("/api/v1/transfers", request.body());
                    statuses.computeIfAbsent(r.status(), s -> new AtomicInteger())
                            .incrementAndGet();
                    if (r.status() == 200 || r.status() == 201) {
                        acknowledged
                                .computeIfAbsent(request.id(), id -> ConcurrentHashMap.newKeySet())
                                .add(request.body());
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> client : clients) {
            client.get(15, TimeUnit.MINUTES);
        }
        assertThat(statuses.keySet())
                .as("statuses seen (seed %d): %s", seed, statuses)
                .isSubsetOf(200, 201, 409, 422);
        assertThat(statuses.get(201)).as("some transfers were booked").isNotNull();
        assertThat(statuses.get(422)).as("some overdrafts were refused").isNotNull();
        for (Map.Entry<String, Set<String>> ack : acknowledged.entrySet()) {
            assertThat(ack.getValue())
                    .as("bodies acknowledged for id %s", ack.getKey())
                    .hasSize(1);
        }
        long journalAfter =
                jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single();
        assertThat(journalAfter - journalBefore)
                .as("journal rows added = distinct ids acknowledged")
                .isEqualTo(acknowledged.size());
        for (Map.Entry<String, Set<String>> ack : acknowledged.entrySet()) {
            long amount = jdbc.sql("SELECT amount_minor FROM transfers WHERE id = ?")
                    .param(UUID.fromString(ack.getKey()))
                    .query(Long.class)
                    .single();
            // the acknowledged body (a text block, JSON spacing free) carries the amount the journal holds
            assertThat(ack.getValue().iterator().next()).containsPattern("\"amountMinor\":\\s*" + amount + ",");
        }
        LedgerAudit audit = new LedgerAudit(jdbc);
        audit.assertBalanced();
        audit.assertBalancesMatchTheJournal();
        DistributionSummary groups = meters.get("socialbank.ledger.group.size").summary();
        assertThat(groups.totalAmount())
                .as("transfers written by the group commit in %d groups", groups.count())
                .isGreaterThan(groups.count());
    }

    /** A fresh transfer (sometimes an overdraft), an exact replay, or an id reused for something else. */
    static Sent next(RandomGenerator random, List<String> accounts, List<Sent> sent) {
        int dice = random.nextInt(100);
        if (dice < 10 && !sent.isEmpty()) {
            return sent.get(random.nextInt(sent.size()));
        }
        String id = dice < 15 && !sent.isEmpty()
                ? sent.get(random.nextInt(sent.size())).id()
                : Ids.uuid(random).toString();
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = random.nextInt(10) == 0 ? random.nextLong(50_000, 500_000) : random.nextLong(1, 2_000);
        Sent request =
                new Sent(id, LedgerFixtures.transfer(id, accounts.get(from), accounts.get(to), amount, "EUR", "{}"));
        sent.add(request);
        return request;
    }
}
