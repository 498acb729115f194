package org.socialbank.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.CurrencyCode;

/**
 * The group commit's own contract, with a writer in memory: every caller gets the answer of its
 * own request, groups form under load and stay within their size, a group that fails as a whole
 * is written again request by request (so one bad request fails alone), and closing writes what
 * is still queued.
 */
class GroupCommitUnitTests {

    static final long SEED = 20261202L;

    /** Answers each request with a rejection whose code depends on its amount, and records the groups. */
    static final class RecordingWriter implements GroupCommit.Writer<NewTransfer, TransferResult> {

        final List<Integer> groups = new CopyOnWriteArrayList<>();
        final List<UUID> aloneWrites = new CopyOnWriteArrayList<>();
        volatile CountDownLatch firstGroupHeld = new CountDownLatch(0);
        volatile long poisonAmount = -1;
        final java.util.concurrent.atomic.AtomicInteger entered = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public List<TransferResult> writeAll(List<NewTransfer> requests) {
            entered.incrementAndGet();
            awaitQuietly(firstGroupHeld);
            groups.add(requests.size());
            if (requests.stream().anyMatch(r -> r.amountMinor() == poisonAmount)) {
                throw new IllegalStateException("the store refused the group");
            }
            return requests.stream().map(RecordingWriter::answer).toList();
        }

        @Override
        public TransferResult writeOne(NewTransfer request) {
            aloneWrites.add(request.id().value());
            if (request.amountMinor() == poisonAmount) {
                throw new IllegalStateException("the store refused " + request.id());
            }
            return answer(request);
        }

        /** A value that names the request, so that a caller can tell its own answer. */
        static TransferResult answer(NewTransfer request) {
            return new TransferResult.Posted(
                    new Transfer(
                            request.id(),
                            request.debitAccountId(),
                            request.creditAccountId(),
                            request.amountMinor(),
                            request.currency(),
                            request.code(),
                            TransferKind.SINGLE_PHASE,
                            null,
                            0,
                            Metadata.EMPTY,
                            Instant.EPOCH,
                            null,
                            null),
                    false);
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static NewTransfer request(RandomGenerator random, long amount) {
        return NewTransfer.posted(
                new TransferId(new UUID(random.nextLong(), random.nextLong())),
                new AccountId(new UUID(1, 1)),
                new AccountId(new UUID(2, 2)),
                amount,
                CurrencyCode.of("EUR"),
                "p2p");
    }

    @Test
    void everyCallerGetsItsOwnAnswerAndGroupsStayWithinTheirSize() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        int callers = 32;
        int each = 200;
        try (GroupCommit<NewTransfer, TransferResult> groups = new GroupCommit<>(writer, 8, 1, sizes::add)) {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            Map<UUID, UUID> mismatches = new ConcurrentHashMap<>();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                RandomGenerator random =
                        RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + c);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        NewTransfer mine = request(random, 1 + random.nextInt(1000));
                        TransferResult answer = groups.submit(mine);
                        UUID answered =
                                ((TransferResult.Posted) answer).transfer().id().value();
                        if (!answered.equals(mine.id().value())) {
                            mismatches.put(mine.id().value(), answered);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(mismatches).as("answers given to the wrong caller").isEmpty();
        }
        assertThat(writer.groups.stream().mapToInt(Integer::intValue).sum()).isEqualTo(callers * each);
        assertThat(writer.groups).allSatisfy(size -> assertThat(size).isBetween(1, 8));
        assertThat(sizes).isEqualTo(writer.groups);
        assertThat(writer.aloneWrites)
                .as("nothing failed, so nothing was written alone")
                .isEmpty();
    }

    @Test
    void requestsThatArriveWhileAGroupIsWrittenFormTheNextGroup() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        CountDownLatch held = new CountDownLatch(1);
        writer.firstGroupHeld = held;
        try (GroupCommit<NewTransfer, TransferResult> groups = new GroupCommit<>(writer, 64, 1, n -> {})) {
            ExecutorService pool = Executors.newFixedThreadPool(11);
            Future<TransferResult> first = pool.submit(() -> groups.submit(request(random, 1)));
            // the committer now holds the first request's group open; ten more queue behind it
            waitUntil(() -> writer.entered.get() == 1);
            List<Future<TransferResult>> later = new ArrayList<>();
            List<NewTransfer> requests = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                requests.add(request(random, 2 + i));
            }
            for (NewTransfer r : requests) {
                later.add(pool.submit(() -> groups.submit(r)));
            }
            waitUntil(() -> groups.queued() == 10);
            held.countDown();
            first.get(30, TimeUnit.SECONDS);
            for (Future<TransferResult> f : later) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertThat(writer.groups).containsExactly(1, 10);
    }

    @Test
    void aGroupThatFailsIsWrittenAgainOneByOneSoThatOnlyTheBadRequestFails() throws Exception {
        RecordingWriter writer = new RecordingWriter();
        writer.poisonAmount = 666;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 7);
        CountDownLatch held = new CountDownLatch(1);
        writer.firstGroupHeld = held;
        try (GroupCommit<NewTransfer, TransferResult> groups = new GroupCommit<>(writer, 64, 1, n -> {})) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            Future<TransferResult> opener = pool.submit(() -> groups.submit(request(random, 1)));
            waitUntil(() -> writer.entered.get() == 1);
            NewTransfer bad = request(random, 666);
            List<NewTransfer> good =
                    List.of(request(random, 10), request(random, 11), request(random, 12), request(random, 13));
            Future<TransferResult> badAnswer = pool.submit(() -> groups.submit(bad));
            List<Future<TransferResult>> goodAnswers = new ArrayList<>();
            for (NewTransfer g : good) {
                goodAnswers.add(pool.submit(() -> groups.submit(g)));
            }
            waitUntil(() -> groups.queued() == 5);
            held.countDown();
            opener.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < good.size(); i++) {
                TransferResult answer = goodAnswers.get(i).get(30, TimeUnit.SECONDS);
                assertThat(((TransferResult.Posted) answer).transfer().id())
                        .isEqualTo(good.get(i).id());
            }
            assertThatThrownBy(() -> badAnswer.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(bad.id().toString());
            pool.shutdown();
        }
        assertThat(writer.groups).containsExactly(1, 5);
        assertThat(writer.aloneWrites).hasSize(5);
    }

    @Test
    void aLoneRequestsFailureReachesItsCaller() {
        RecordingWriter writer = new RecordingWriter();
        writer.poisonAmount = 5;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 9);
        try (GroupCommit<NewTransfer, TransferResult> groups = new GroupCommit<>(writer, 64, 1, n -> {})) {
            assertThatThrownBy(() -> groups.submit(request(random, 5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the store refused the group");
            assertThat(groups.submit(request(random, 6))).isInstanceOf(TransferResult.Posted.class);
        }
        assertThat(writer.aloneWrites).as("a group of one is not written twice").isEmpty();
    }

    @Test
    void afterClosingRequestsAreWrittenByTheirCallers() {
        RecordingWriter writer = new RecordingWriter();
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 11);
        GroupCommit<NewTransfer, TransferResult> groups = new GroupCommit<>(writer, 64, 2, n -> {});
        groups.close();
        NewTransfer late = request(random, 3);
        assertThat(groups.submit(late)).isInstanceOf(TransferResult.Posted.class);
        assertThat(writer.aloneWrites).containsExactly(late.id().value());
        assertThat(writer.groups).isEmpty();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        org.socialbank.support.Await.until(condition, "the group commit reaches the awaited state");
    }
}
