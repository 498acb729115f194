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
 * ledger's group commit, issue 22): replays and conflicting ids meet inside one group too. The
 * same for linked batches, which are grouped too: each batch all-or-nothing, whatever its group.
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
        long seed = System.nanoTime();
        Map<Integer, AtomicInteger> statuses = race(seed, TRANSFERS_PER_CLIENT, random -> {
            Sent request = next(random, accounts, sent);
            Response r = api.post("/api/v1/transfers", request.body());
            if (r.status() == 200 || r.status() == 201) {
                acknowledged
                        .computeIfAbsent(request.id(), id -> ConcurrentHashMap.newKeySet())
                        .add(request.body());
            }
            return r.status();
        });
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

    record SentBatch(List<Sent> transfers, String body) {}

    @Test
    void concurrentLinkedBatchesStayAllOrNothingInTheirGroups() throws Exception {
        Api api = new Api(port);
        List<String> accounts = LedgerFixtures.fundedWallets(api, ACCOUNTS - 1, 100_000);
        long journalBefore =
                jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single();
        DistributionSummary linkedGroups =
                meters.get("socialbank.ledger.linked.group.size").summary();
        long groupsBefore = linkedGroups.count();
        double batchesBefore = linkedGroups.totalAmount();
        List<Sent> sent = new CopyOnWriteArrayList<>();
        List<SentBatch> committed = new CopyOnWriteArrayList<>();
        List<SentBatch> refused = new CopyOnWriteArrayList<>();
        List<SentBatch> batches = new CopyOnWriteArrayList<>();
        long seed = System.nanoTime();
        Map<Integer, AtomicInteger> statuses = race(seed, BATCHES_PER_CLIENT, random -> {
            SentBatch batch = random.nextInt(10) == 0 && !batches.isEmpty()
                    ? batches.get(random.nextInt(batches.size())) // the whole batch again
                    : nextBatch(random, accounts, sent);
            batches.add(batch);
            Response r = api.post("/api/v1/transfers/batch", batch.body());
            (r.status() == 200 || r.status() == 201 ? committed : refused).add(batch);
            return r.status();
        });
        assertThat(statuses.get(201)).as("some batches were booked").isNotNull();
        assertThat(statuses.get(422)).as("some batches were refused").isNotNull();
        Map<String, String> acknowledged = new java.util.HashMap<>();
        for (SentBatch batch : committed) {
            for (Sent t : batch.transfers()) {
                String before = acknowledged.putIfAbsent(t.id(), t.body());
                assertThat(before == null || before.equals(t.body()))
                        .as("one body acknowledged for id %s (seed %d)", t.id(), seed)
                        .isTrue();
            }
        }
        long journalAfter =
                jdbc.sql("SELECT COUNT(*) FROM transfers").query(Long.class).single();
        assertThat(journalAfter - journalBefore)
                .as("journal rows added = distinct ids of the batches acknowledged (seed %d)", seed)
                .isEqualTo(acknowledged.size());
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            long amount = jdbc.sql("SELECT amount_minor FROM transfers WHERE id = ?")
                    .param(UUID.fromString(ack.getKey()))
                    .query(Long.class)
                    .single();
            assertThat(ack.getValue()).containsPattern("\"amountMinor\":\\s*" + amount + ",");
        }
        for (SentBatch batch : refused) { // nothing of a refused batch, unless another batch booked that id
            for (Sent t : batch.transfers()) {
                long rows = jdbc.sql("SELECT COUNT(*) FROM transfers WHERE id = ?")
                        .param(UUID.fromString(t.id()))
                        .query(Long.class)
                        .single();
                assertThat(rows)
                        .as("transfer %s of a refused batch (seed %d)", t.id(), seed)
                        .isEqualTo(acknowledged.containsKey(t.id()) ? 1 : 0);
            }
        }
        LedgerAudit audit = new LedgerAudit(jdbc);
        audit.assertBalanced();
        audit.assertBalancesMatchTheJournal();
        assertThat(linkedGroups.totalAmount() - batchesBefore)
                .as("batches written by the group commit in %d groups", linkedGroups.count() - groupsBefore)
                .isGreaterThan(linkedGroups.count() - groupsBefore);
    }

    static final int BATCHES_PER_CLIENT = 100;

    /**
     * {@link #CLIENTS} clients, each sending {@code requests} requests made by {@code send} from
     * its own seeded randomness; the statuses answered, checked to be only 200, 201, 409 or 422.
     */
    static Map<Integer, AtomicInteger> race(
            long seed, int requests, java.util.function.ToIntFunction<RandomGenerator> send) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            RandomGenerator random =
                    RandomGeneratorFactory.of("L64X128MixRandom").create(seed + c);
            clients.add(pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    statuses.computeIfAbsent(send.applyAsInt(random), s -> new AtomicInteger())
                            .incrementAndGet();
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
        return statuses;
    }

    /** Two to six transfers, one of them sometimes an overdraft or an id reused for something else. */
    static SentBatch nextBatch(RandomGenerator random, List<String> accounts, List<Sent> sent) {
        int size = random.nextInt(2, 7);
        List<Sent> transfers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int dice = random.nextInt(100);
            String id = dice < 3 && !sent.isEmpty()
                    ? sent.get(random.nextInt(sent.size())).id()
                    : Ids.uuid(random).toString();
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            long amount = random.nextInt(25) == 0 ? random.nextLong(200_000, 500_000) : random.nextLong(1, 2_000);
            Sent t = new Sent(
                    id, LedgerFixtures.transfer(id, accounts.get(from), accounts.get(to), amount, "EUR", "{}"));
            sent.add(t);
            transfers.add(t);
        }
        return new SentBatch(
                transfers,
                "{\"transfers\": ["
                        + String.join(", ", transfers.stream().map(Sent::body).toList()) + "]}");
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
