package org.socialbank.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start-up recovery's replay (docs/adr/0017): a journal kept whole needs no repair, and a
 * journal torn the ways the embedded H2 tears one at a kill (a row kept without its balance
 * changes, a change kept without its row, a status row lost or left behind) is set right in one
 * pass: replaying the repaired state finds nothing more. Seeded; the seed is in the test's name.
 */
class JournalReplayUnitTests {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

    /** A ledger built by the ledger's own rules: journal rows, balances, pending status rows. */
    static final class Model {
        final List<UUID> accounts = new ArrayList<>();
        final List<JournalReplay.Row> rows = new ArrayList<>();
        final Map<UUID, long[]> balances = new HashMap<>();
        final Map<UUID, JournalReplay.StoredPending> pendings = new HashMap<>();
        final Map<UUID, long[]> open = new HashMap<>(); // pending id -> {debit index, credit index, amount}
        private final Map<UUID, Long> posted = new HashMap<>();
        private long seq;

        Model(int accountCount) {
            for (int i = 0; i < accountCount; i++) {
                UUID id = UUID.randomUUID();
                accounts.add(id);
                balances.put(id, new long[4]);
            }
        }

        void single(int from, int to, long amount) {
            UUID d = accounts.get(from);
            UUID c = accounts.get(to);
            balances.get(d)[0] += amount;
            balances.get(c)[1] += amount;
            posted.merge(d, -amount, Long::sum);
            posted.merge(c, amount, Long::sum);
            add(UUID.randomUUID(), d, c, amount, "single_phase", null, 0);
        }

        UUID pending(int from, int to, long amount, long timeoutSeconds) {
            UUID d = accounts.get(from);
            UUID c = accounts.get(to);
            UUID id = UUID.randomUUID();
            balances.get(d)[2] += amount;
            balances.get(c)[3] += amount;
            add(id, d, c, amount, "pending", null, timeoutSeconds);
            Instant expires = timeoutSeconds == 0 ? null : T0.plusSeconds(seq + timeoutSeconds);
            pendings.put(id, new JournalReplay.StoredPending("pending", null, expires));
            open.put(id, new long[] {from, to, amount});
            return id;
        }

        void resolve(UUID pendingId, String kind, long postAmount) {
            long[] p = open.remove(pendingId);
            UUID d = accounts.get((int) p[0]);
            UUID c = accounts.get((int) p[1]);
            balances.get(d)[2] -= p[2];
            balances.get(c)[3] -= p[2];
            long amount = kind.equals("post_pending") ? postAmount : p[2];
            if (kind.equals("post_pending")) {
                balances.get(d)[0] += amount;
                balances.get(c)[1] += amount;
                posted.merge(d, -amount, Long::sum);
                posted.merge(c, amount, Long::sum);
            }
            UUID id = UUID.randomUUID();
            add(id, d, c, amount, kind, pendingId, 0);
            String status = kind.equals("post_pending") ? "posted" : kind.equals("void_pending") ? "voided" : "expired";
            pendings.put(
                    pendingId,
                    new JournalReplay.StoredPending(
                            status, id, pendings.get(pendingId).expiresAt()));
        }

        private void add(UUID id, UUID d, UUID c, long amount, String kind, UUID pendingId, long timeout) {
            seq++;
            rows.add(new JournalReplay.Row(
                    seq,
                    id,
                    d,
                    c,
                    amount,
                    kind,
                    pendingId,
                    timeout,
                    T0.plusSeconds(seq),
                    posted.getOrDefault(d, 0L),
                    posted.getOrDefault(c, 0L)));
        }

        static Model random(Random random, int operations) {
            Model m = new Model(2 + random.nextInt(6));
            for (int i = 0; i < operations; i++) {
                int from = random.nextInt(m.accounts.size());
                int to = (from + 1 + random.nextInt(m.accounts.size() - 1)) % m.accounts.size();
                int what = random.nextInt(10);
                if (what < 5) {
                    m.single(from, to, 1 + random.nextInt(1_000));
                } else if (what < 8 || m.open.isEmpty()) {
                    m.pending(from, to, 1 + random.nextInt(1_000), random.nextBoolean() ? 0 : 3_600);
                } else {
                    UUID pending = new ArrayList<>(m.open.keySet()).get(random.nextInt(m.open.size()));
                    String kind = List.of("post_pending", "void_pending", "expire_pending")
                            .get(random.nextInt(3));
                    m.resolve(pending, kind, 1 + random.nextInt((int) m.open.get(pending)[2]));
                }
            }
            return m;
        }

        List<Repair> replay() {
            JournalReplay replay = new JournalReplay();
            rows.forEach(replay::accept);
            Map<UUID, long[]> stored = new HashMap<>();
            balances.forEach((id, b) -> stored.put(id, b.clone()));
            return replay.repairs(stored, new HashMap<>(pendings));
        }

        /** What the recovery does to the store, applied to the model. */
        void apply(List<Repair> repairs) {
            for (Repair repair : repairs) {
                if (repair instanceof Repair.Balances b) {
                    balances.put(b.account(), b.derivedBalances().clone());
                } else if (repair instanceof Repair.PendingStatus p) {
                    pendings.put(
                            p.pendingId(),
                            new JournalReplay.StoredPending(p.derivedStatus(), p.resolvedBy(), p.expiresAt()));
                } else if (repair instanceof Repair.OrphanPending o) {
                    pendings.remove(o.pendingId());
                } else if (repair instanceof Repair.BalanceAfter a) {
                    int at = rowAt(a.seq());
                    JournalReplay.Row r = rows.get(at);
                    rows.set(
                            at,
                            new JournalReplay.Row(
                                    r.seq(),
                                    r.id(),
                                    r.debit(),
                                    r.credit(),
                                    r.amountMinor(),
                                    r.kind(),
                                    r.pendingId(),
                                    r.timeoutSeconds(),
                                    r.createdAt(),
                                    a.debitSide() ? a.derivedBalance() : r.debitBalanceAfter(),
                                    a.debitSide() ? r.creditBalanceAfter() : a.derivedBalance()));
                }
            }
        }

        int rowAt(long seq) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).seq() == seq) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no row " + seq);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void aJournalKeptWholeNeedsNoRepair(long seed) {
        Model m = Model.random(new Random(seed), 200);
        assertThat(m.replay()).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void aTornJournalIsSetRightInOnePass(long seed) {
        Random random = new Random(seed);
        Model m = Model.random(random, 150);
        int tears = 1 + random.nextInt(4);
        for (int t = 0; t < tears; t++) {
            tear(m, random);
        }
        List<Repair> repairs = m.replay();
        m.apply(repairs);
        assertThat(m.replay())
                .as("what is left after the repairs (seed %s)", seed)
                .isEmpty();
    }

    /** One of the ways a killed H2 keeps part of an unfinished transaction. */
    private static void tear(Model m, Random random) {
        int kind = random.nextInt(4);
        if (kind == 0) { // a row kept, its balance changes lost: take them back from the balances
            JournalReplay.Row r = m.rows.get(random.nextInt(m.rows.size()));
            if (r.kind().equals("single_phase") || r.kind().equals("post_pending")) {
                m.balances.get(r.debit())[0] -= r.amountMinor();
                m.balances.get(r.credit())[1] -= r.amountMinor();
            }
        } else if (kind == 1) { // one account's change kept without its row or the other side
            UUID a = m.accounts.get(random.nextInt(m.accounts.size()));
            m.balances.get(a)[random.nextInt(2)] += 1 + random.nextInt(500);
        } else if (kind == 2 && !m.pendings.isEmpty()) { // a pending row kept without its status row
            m.pendings.remove(new ArrayList<>(m.pendings.keySet()).get(random.nextInt(m.pendings.size())));
        } else { // a row lost whose effects were kept: later rows' balances after no longer add up
            m.rows.remove(random.nextInt(m.rows.size()));
        }
    }

    @Test
    void aRowKeptWithoutItsBalanceChangesIsCountedFromTheJournal() {
        Model m = new Model(2);
        m.single(0, 1, 500);
        m.balances.get(m.accounts.get(0))[0] = 0;
        m.balances.get(m.accounts.get(1))[1] = 0;
        List<Repair> repairs = m.replay();
        assertThat(repairs).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(Repair.Balances.class));
        assertThat(repairs)
                .extracting(r -> r.recorded().derived())
                .containsExactlyInAnyOrder("[500, 0, 0, 0]", "[0, 500, 0, 0]");
    }

    @Test
    void aLostStatusRowIsWrittenAgainWithTheResolutionTheJournalHolds() {
        Model m = new Model(2);
        UUID posted = m.pending(0, 1, 900, 60);
        m.resolve(posted, "post_pending", 400);
        UUID open = m.pending(1, 0, 50, 0);
        JournalReplay.StoredPending keptPosted = m.pendings.remove(posted);
        m.pendings.remove(open);
        List<Repair> repairs = m.replay();
        assertThat(repairs)
                .containsExactlyInAnyOrder(
                        new Repair.PendingStatus(posted, null, "posted", keptPosted.resolvedBy(), T0.plusSeconds(61)),
                        new Repair.PendingStatus(open, null, "pending", null, null));
        assertThat(repairs).extracting(r -> r.recorded().what()).containsOnly("pending_row");
    }

    @Test
    void aStatusLeftPendingAfterItsPostIsSetPostedAndAnOrphanIsRemoved() {
        Model m = new Model(2);
        UUID id = m.pending(0, 1, 900, 0);
        m.resolve(id, "void_pending", 0);
        UUID resolution = m.pendings.get(id).resolvedBy();
        m.pendings.put(id, new JournalReplay.StoredPending("pending", null, null));
        UUID orphan = UUID.randomUUID();
        m.pendings.put(orphan, new JournalReplay.StoredPending("pending", null, null));
        assertThat(m.replay())
                .containsExactlyInAnyOrder(
                        new Repair.PendingStatus(id, "pending", "voided", resolution, null),
                        new Repair.OrphanPending(orphan, "pending"));
    }

    @Test
    void aBalanceAfterComputedFromALostRowIsTheRunningBalanceAgain() {
        Model m = new Model(3);
        m.single(0, 1, 100);
        m.single(0, 2, 30);
        JournalReplay.Row lost = m.rows.remove(0); // kept: the second row and both rows' balances
        m.balances.get(lost.debit())[0] -= 100;
        m.balances.get(lost.credit())[1] -= 100;
        assertThat(m.replay()).containsExactly(new Repair.BalanceAfter(2, true, -130, -30));
    }
}
