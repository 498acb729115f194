package org.socialbank.ledger.posting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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

    /** A transfer of the journal; for a pending transfer with its current status. */
    Optional<Transfer> findTransfer(TransferId id);

    /** The row that resolved a pending transfer in this way, if any (unique per pending and kind). */
    Optional<Transfer> findResolution(TransferId pendingId, TransferKind kind);

    Optional<PendingState> lockPending(TransferId pendingId);

    void insertTransfers(List<Transfer> transfers);

    void updateBalances(Collection<Account> accounts);

    void insertPendings(List<Transfer> pendings);

    void resolvePendings(List<PendingChange> changes);

    /** The lock-time state of a pending transfer. */
    record PendingState(PendingStatus status, Instant expiresAt) {
    }

    /** A pending transfer leaving the {@code pending} status, resolved by a journal row. */
    record PendingChange(TransferId pendingId, PendingStatus status, TransferId resolvedBy) {
    }
}
