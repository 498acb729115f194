package org.socialbank.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verifier finds every kind of tampering, on chains built from seeded random rows: a changed
 * field, a deleted row (in the middle or at the end), rows swapped, and a changed row whose hash
 * was recomputed (it no longer matches the next row's link).
 */
class HashChainUnitTests {

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        RandomGenerator master = RandomGeneratorFactory.of("L64X128MixRandom").create(20261202L);
        for (int i = 0; i < 40; i++) {
            seeds.add(master.nextLong());
        }
        return seeds;
    }

    @Test
    void anEmptyChainIsIntactAtTheGenesisHead() {
        assertThat(verify(List.of(), 0, HashChain.GENESIS)).isEqualTo(new ChainCheck.Intact(0, HashChain.GENESIS));
    }

    @Test
    void fieldsCannotBeShiftedFromOneToTheNext() {
        AuditRow a = row(1, "ab", "c");
        AuditRow b = row(1, "a", "bc");
        assertThat(HashChain.hash(HashChain.GENESIS, a)).isNotEqualTo(HashChain.hash(HashChain.GENESIS, b));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyTamperingIsFound(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        List<AuditRow> chain = chain(random, 2 + random.nextInt(60));
        AuditRow last = chain.get(chain.size() - 1);
        assertThat(verify(chain, last.seq(), last.hash()))
                .as("seed %d untouched", seed)
                .isInstanceOf(ChainCheck.Intact.class);

        int at = random.nextInt(chain.size());
        long seq = chain.get(at).seq();
        List<AuditRow> changed = new ArrayList<>(chain);
        changed.set(at, withWhy(chain.get(at), chain.get(at).why() + "!"));
        assertThat(verify(changed, last.seq(), last.hash()))
                .as("seed %d changed", seed)
                .isEqualTo(new ChainCheck.Broken(seq, "changed", seq - 1));

        List<AuditRow> rehashed = new ArrayList<>(chain);
        AuditRow forged = withWhy(chain.get(at), "nothing to see");
        rehashed.set(at, withHash(forged, HashChain.hash(forged.prevHash(), forged)));
        ChainCheck check = verify(rehashed, last.seq(), last.hash());
        assertThat(check.intact()).as("seed %d changed and rehashed", seed).isFalse();
        assertThat(((ChainCheck.Broken) check).seq()).isIn(seq, seq + 1);

        List<AuditRow> deleted = new ArrayList<>(chain);
        deleted.remove(at);
        ChainCheck afterDelete = verify(deleted, last.seq(), last.hash());
        assertThat(afterDelete.intact()).as("seed %d deleted row %d", seed, seq).isFalse();
        assertThat(((ChainCheck.Broken) afterDelete).seq()).isEqualTo(seq);

        if (at + 1 < chain.size()) {
            List<AuditRow> swapped = new ArrayList<>(chain);
            swapped.set(at, chain.get(at + 1));
            swapped.set(at + 1, chain.get(at));
            assertThat(verify(swapped, last.seq(), last.hash()).intact())
                    .as("seed %d swapped", seed)
                    .isFalse();
        }
    }

    @Test
    void cuttingRowsOffTheEndIsFoundByTheHead() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        List<AuditRow> chain = chain(random, 10);
        AuditRow last = chain.get(9);
        ChainCheck check = verify(chain.subList(0, 8), last.seq(), last.hash());
        assertThat(check).isEqualTo(new ChainCheck.Broken(10, "truncated", 8));
    }

    private static ChainCheck verify(List<AuditRow> rows, long headSeq, String headHash) {
        ChainVerifier verifier = new ChainVerifier();
        rows.forEach(verifier::accept);
        return verifier.finish(headSeq, headHash);
    }

    private static List<AuditRow> chain(RandomGenerator random, int size) {
        List<AuditRow> rows = new ArrayList<>();
        String prev = HashChain.GENESIS;
        Instant at = Instant.parse("2026-12-02T03:00:00Z");
        String[] whats = {"sign-in.succeeded", "customer.reveal", "conversation.take-over", "audit.exported"};
        for (int i = 1; i <= size; i++) {
            at = at.plusMillis(random.nextInt(100_000)).plusNanos(random.nextInt(1000) * 1000L);
            AuditRow draft = new AuditRow(
                    i,
                    at,
                    random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()) : null,
                    "staff" + random.nextInt(5),
                    whats[random.nextInt(whats.length)],
                    "customer:" + random.nextInt(1000),
                    random.nextBoolean() ? "" : "asked by the customer, ticket " + random.nextInt(),
                    prev,
                    null);
            AuditRow row = withHash(draft, HashChain.hash(prev, draft));
            rows.add(row);
            prev = row.hash();
        }
        return rows;
    }

    private static AuditRow row(long seq, String what, String subject) {
        return new AuditRow(seq, Instant.EPOCH, null, "x", what, subject, "", HashChain.GENESIS, null);
    }

    private static AuditRow withWhy(AuditRow r, String why) {
        return new AuditRow(
                r.seq(), r.recordedAt(), r.whoId(), r.whoName(), r.what(), r.subject(), why, r.prevHash(), r.hash());
    }

    private static AuditRow withHash(AuditRow r, String hash) {
        return new AuditRow(
                r.seq(), r.recordedAt(), r.whoId(), r.whoName(), r.what(), r.subject(), r.why(), r.prevHash(), hash);
    }
}
