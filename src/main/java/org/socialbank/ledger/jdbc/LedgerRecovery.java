package org.socialbank.ledger.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.LedgerProperties;
import org.socialbank.shared.Durability;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After an unclean stop, makes the ledger's derived state agree with its journal again, before
 * the node takes any request (after a clean stop it does not run). The embedded H2 store (2.3 and
 * 2.5) can keep part of a transaction that was in flight when the process was killed (a journal
 * row without its balance changes, one account's change without the other's), and has lost rows
 * of committed ones (docs/adr/0017); the store is rebuilt from its rows first (shared kernel).
 * The journal decides: the balances, the pending statuses and the balances after each row are set
 * to what it says, and every repair is counted ({@code socialbank.ledger.repairs}), written to
 * {@code ledger_repairs} for the auditors and, the first 20, logged. PostgreSQL's transactions are
 * whole or absent after a crash: there it does not run.
 */
@Component
class LedgerRecovery implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LedgerRecovery.class);
    /** Repairs logged one by one; the rest only in the summary (all are in ledger_repairs). */
    private static final int LOGGED_MAX = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Durability durability;
    private final Clock clock;
    private final MeterRegistry registry;
    private final boolean enabled;

    LedgerRecovery(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Durability durability,
            Clock clock,
            MeterRegistry registry,
            LedgerProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.durability = durability;
        this.clock = clock;
        this.registry = registry;
        this.enabled = properties.recoverAtStart();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && durability.mayHoldHalfTransactions()) {
            log.warn("Ledger recovery: the previous run on this store did not stop cleanly; replaying the journal");
            recover();
        }
    }

    /** Replays the journal, applies and records every repair in one transaction; returns them. */
    List<Repair> recover() {
        long started = System.nanoTime();
        JournalReplay replay = new JournalReplay();
        List<Repair> repairs = transactions.execute(status -> {
            jdbc.sql("SELECT seq, id, debit_account_id, credit_account_id, amount_minor, kind, pending_id, "
                            + "timeout_seconds, created_at, debit_balance_after, credit_balance_after "
                            + "FROM transfers ORDER BY seq")
                    .query(rs -> {
                        replay.accept(new JournalReplay.Row(
                                rs.getLong(1),
                                rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class),
                                rs.getObject(4, UUID.class),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getObject(7, UUID.class),
                                rs.getLong(8),
                                Timestamps.instant(rs, 9),
                                rs.getObject(10, Long.class),
                                rs.getObject(11, Long.class)));
                    });
            List<Repair> found = replay.repairs(storedBalances(), storedPendings());
            for (int i = 0; i < found.size(); i++) {
                apply(found.get(i), i < LOGGED_MAX);
            }
            return found;
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (repairs.isEmpty()) {
            log.info(
                    "Ledger recovery: {} journal rows replayed in {} ms; balances and statuses agree",
                    replay.rows(),
                    millis);
        } else {
            Map<String, Long> byWhat = new java.util.TreeMap<>();
            repairs.forEach(r -> byWhat.merge(r.recorded().what(), 1L, Long::sum));
            log.error(
                    "Ledger recovery: {} journal rows replayed in {} ms; {} repairs after an unclean stop {}, each "
                            + "in ledger_repairs (docs/adr/0017)",
                    replay.rows(),
                    millis,
                    repairs.size(),
                    byWhat);
        }
        return repairs;
    }

    private Map<UUID, long[]> storedBalances() {
        Map<UUID, long[]> stored = new HashMap<>();
        jdbc.sql("SELECT id, debits_posted, credits_posted, debits_pending, credits_pending FROM accounts")
                .query(rs -> {
                    stored.put(
                            rs.getObject(1, UUID.class),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        return stored;
    }

    private Map<UUID, JournalReplay.StoredPending> storedPendings() {
        Map<UUID, JournalReplay.StoredPending> stored = new HashMap<>();
        jdbc.sql("SELECT pending_id, status, resolved_by, expires_at FROM pending_transfers")
                .query(rs -> {
                    stored.put(
                            rs.getObject(1, UUID.class),
                            new JournalReplay.StoredPending(
                                    rs.getString(2), rs.getObject(3, UUID.class), Timestamps.instant(rs, 4)));
                });
        return stored;
    }

    private void apply(Repair repair, boolean logged) {
        if (repair instanceof Repair.Balances b) {
            long[] d = b.derivedBalances();
            jdbc.sql("UPDATE accounts SET debits_posted = ?, credits_posted = ?, debits_pending = ?, "
                            + "credits_pending = ? WHERE id = ?")
                    .params(d[0], d[1], d[2], d[3], b.account())
                    .update();
        } else if (repair instanceof Repair.PendingStatus p && p.storedStatus() == null) {
            jdbc.sql("INSERT INTO pending_transfers (pending_id, status, expires_at, resolved_by) VALUES (?, ?, ?, ?)")
                    .params(
                            p.pendingId(),
                            p.derivedStatus(),
                            p.expiresAt() == null ? null : Timestamps.utc(p.expiresAt()),
                            p.resolvedBy())
                    .update();
        } else if (repair instanceof Repair.PendingStatus p) {
            jdbc.sql("UPDATE pending_transfers SET status = ?, resolved_by = ? WHERE pending_id = ?")
                    .params(p.derivedStatus(), p.resolvedBy(), p.pendingId())
                    .update();
        } else if (repair instanceof Repair.OrphanPending o) {
            jdbc.sql("DELETE FROM pending_transfers WHERE pending_id = ?")
                    .param(o.pendingId())
                    .update();
        } else if (repair instanceof Repair.BalanceAfter a) {
            // the one change to a journal row anywhere, H2 only: a value computed on balances
            // that the journal does not hold (PostgreSQL's journal refuses updates; this never
            // runs there)
            jdbc.sql("UPDATE transfers SET " + (a.debitSide() ? "debit_balance_after" : "credit_balance_after")
                            + " = ? WHERE seq = ?")
                    .params(a.derivedBalance(), a.seq())
                    .update();
        }
        Repair.Recorded r = repair.recorded();
        jdbc.sql("INSERT INTO ledger_repairs (repaired_at, what, subject, stored, derived) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamps.utc(clock.instant()), r.what(), r.subject(), r.stored(), r.derived())
                .update();
        registry.counter("socialbank.ledger.repairs", "what", r.what()).increment();
        if (logged) {
            log.error(
                    "Ledger recovery: {} of {}: stored {}, the journal says {}",
                    r.what(),
                    r.subject(),
                    r.stored(),
                    r.derived());
        }
    }
}
