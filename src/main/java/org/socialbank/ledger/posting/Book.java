package org.socialbank.ledger.posting;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.PendingStatus;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferKind;

/**
 * What posting needs from storage, inside one database transaction. Locks are row locks held to
 * the end of the transaction; callers take account locks in ascending id order, then at most one
 * pending-transfer lock, so concurrent transactions never wait on each other in a cycle.
 */
public interface Book {

    Optional<Account> lockAccount(AccountId id);

    /**
     * Locks the accounts in ascending id order and answers those that exist. A store that can
     * should do it in one round trip; this default takes them one by one.
     */
    default Map<AccountId, Account> lockAccounts(SortedSet<AccountId> ids) {
        Map<AccountId, Account> found = new LinkedHashMap<>();
        for (AccountId id : ids) {
            lockAccount(id).ifPresent(a -> found.put(id, a));
        }
        return found;
    }

    /** The transfers of the journal with these ids that exist (for the idempotency check of a group). */
    default Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
        Map<TransferId, Transfer> found = new LinkedHashMap<>();
        for (TransferId id : ids) {
            findTransfer(id).ifPresent(t -> found.put(id, t));
        }
        return found;
    }

    /**
     * Whether a transaction of its own may take transfer ids to be new ({@link Posting#assumeNew})
     * and leave it to the journal's primary key to refuse a replay, which fails the transaction.
     */
    default boolean takesIdsAsNew() {
        return false;
    }

    /** A transfer of the journal; for a pending transfer with its current status. */
    Optional<Transfer> findTransfer(TransferId id);

    /** The row that resolved a pending transfer in this way, if any (unique per pending and kind). */
    Optional<Transfer> findResolution(TransferId pendingId, TransferKind kind);

    Optional<PendingState> lockPending(TransferId pendingId);

    /** Appends rows to the journal, in the order given (which is the order they were applied in). */
    void insertTransfers(List<Entry> entries);

    /**
     * Writes the accounts' new balances. Each change carries the account as its lock read it: a
     * store may write only where the row still holds those balances, and must then throw a
     * {@code ConcurrencyFailureException} (a lost race, which runs the transaction again) where it
     * does not, so that a stale read can never turn into a lost update.
     */
    void updateBalances(Collection<BalanceChange> changes);

    /** An account as its lock read it, and as the posting leaves it. */
    record BalanceChange(Account locked, Account after) {}

    void insertPendings(List<Transfer> pendings);

    void resolvePendings(List<PendingChange> changes);

    /**
     * A journal row with each account's posted balance (credits minus debits) right after it, so
     * that the journal's followers never add up an account's history to learn it.
     */
    record Entry(Transfer transfer, long debitBalanceAfterMinor, long creditBalanceAfterMinor) {}

    /** The lock-time state of a pending transfer. */
    record PendingState(PendingStatus status, Instant expiresAt) {}

    /** A pending transfer leaving the {@code pending} status, resolved by a journal row. */
    record PendingChange(TransferId pendingId, PendingStatus status, TransferId resolvedBy) {}
}
