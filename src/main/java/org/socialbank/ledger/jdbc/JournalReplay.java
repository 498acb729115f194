package org.socialbank.ledger.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Replays the journal, row by row in sequence order, into what the ledger's derived state must be:
 * each account's four balances, each pending transfer's status, and each row's posted balances
 * after it. Compared with what is stored, it names every difference as a {@link Repair}. Pure: the
 * start-up recovery reads the rows and applies the repairs (docs/adr/0017).
 */
final class JournalReplay {

    /** A journal row as stored; the balances after are null for rows written before V48. */
    record Row(
            long seq,
            UUID id,
            UUID debit,
            UUID credit,
            long amountMinor,
            String kind,
            UUID pendingId,
            long timeoutSeconds,
            Instant createdAt,
            Long debitBalanceAfter,
            Long creditBalanceAfter) {}

    /** A pending transfer's status row as stored. */
    record StoredPending(String status, UUID resolvedBy, Instant expiresAt) {}

    private record Pending(UUID debit, UUID credit, long amountMinor, Instant expiresAt) {}

    private final Map<UUID, long[]> balances = new HashMap<>();
    private final Map<UUID, Long> posted = new HashMap<>();
    private final Map<UUID, Pending> pendings = new LinkedHashMap<>();
    private final Map<UUID, Row> resolutions = new HashMap<>();
    private final List<Repair> repairs = new ArrayList<>();
    private long rows;

    /** Takes the next row; rows must come in ascending sequence order. */
    void accept(Row row) {
        rows++;
        if (row.kind().equals("single_phase") || row.kind().equals("post_pending")) {
            balancesOf(row.debit())[0] += row.amountMinor();
            balancesOf(row.credit())[1] += row.amountMinor();
            posted.merge(row.debit(), -row.amountMinor(), Long::sum);
            posted.merge(row.credit(), row.amountMinor(), Long::sum);
        }
        checkAfter(row.seq(), true, row.debitBalanceAfter(), row.debit());
        checkAfter(row.seq(), false, row.creditBalanceAfter(), row.credit());
        if (row.kind().equals("pending")) {
            Instant expiresAt =
                    row.timeoutSeconds() == 0 ? null : row.createdAt().plusSeconds(row.timeoutSeconds());
            pendings.put(row.id(), new Pending(row.debit(), row.credit(), row.amountMinor(), expiresAt));
        } else if (row.pendingId() != null) {
            resolutions.putIfAbsent(row.pendingId(), row);
        }
    }

    long rows() {
        return rows;
    }

    /**
     * Every difference between the journal and what is stored: the balances after of the rows
     * taken, then the pending transfers' status rows, then the accounts' balances (an account with
     * no journal row must hold zeros).
     */
    List<Repair> repairs(Map<UUID, long[]> storedBalances, Map<UUID, StoredPending> storedPendings) {
        List<Repair> found = new ArrayList<>(repairs);
        pendings.forEach((id, pending) -> {
            Row resolution = resolutions.get(id);
            String status = resolution == null ? "pending" : statusAfter(resolution.kind());
            UUID resolvedBy = resolution == null ? null : resolution.id();
            if (resolution == null) {
                balancesOf(pending.debit())[2] += pending.amountMinor();
                balancesOf(pending.credit())[3] += pending.amountMinor();
            }
            StoredPending stored = storedPendings.get(id);
            if (stored == null) {
                found.add(new Repair.PendingStatus(id, null, status, resolvedBy, pending.expiresAt()));
            } else if (!stored.status().equals(status) || !Objects.equals(stored.resolvedBy(), resolvedBy)) {
                found.add(new Repair.PendingStatus(id, stored.status(), status, resolvedBy, stored.expiresAt()));
            }
        });
        storedPendings.forEach((id, stored) -> {
            if (!pendings.containsKey(id)) {
                found.add(new Repair.OrphanPending(id, stored.status()));
            }
        });
        storedBalances.forEach((account, stored) -> {
            long[] derived = balances.getOrDefault(account, new long[4]);
            if (!java.util.Arrays.equals(stored, derived)) {
                found.add(new Repair.Balances(account, stored.clone(), derived.clone()));
            }
        });
        return found;
    }

    private void checkAfter(long seq, boolean debitSide, Long stored, UUID account) {
        long derived = posted.getOrDefault(account, 0L);
        if (stored != null && stored != derived) {
            repairs.add(new Repair.BalanceAfter(seq, debitSide, stored, derived));
        }
    }

    private long[] balancesOf(UUID account) {
        return balances.computeIfAbsent(account, a -> new long[4]);
    }

    private static String statusAfter(String resolutionKind) {
        return switch (resolutionKind) {
            case "post_pending" -> "posted";
            case "void_pending" -> "voided";
            default -> "expired";
        };
    }
}
