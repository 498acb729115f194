package org.socialbank.ledger.posting;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.PendingStatus;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;

/** A book in maps, for unit tests of the posting rules without a database. */
final class InMemoryBook implements Book {

    final Map<AccountId, Account> accounts = new HashMap<>();
    final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();
    final Map<TransferId, PendingState> pendings = new HashMap<>();
    int writes;

    void add(Account account) {
        accounts.put(account.id(), account);
    }

    @Override
    public Optional<Account> lockAccount(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Transfer> findTransfer(TransferId id) {
        Transfer t = transfers.get(id);
        if (t != null && t.pending()) {
            t = t.withPendingStatus(pendings.get(id).status());
        }
        return Optional.ofNullable(t);
    }

    @Override
    public Optional<Transfer> findResolution(TransferId pendingId, org.socialbank.ledger.TransferKind kind) {
        return transfers.values().stream()
                .filter(t -> t.kind() == kind && pendingId.equals(t.pendingId()))
                .findFirst();
    }

    @Override
    public Optional<PendingState> lockPending(TransferId pendingId) {
        return Optional.ofNullable(pendings.get(pendingId));
    }

    @Override
    public void insertTransfers(List<Entry> list) {
        list.stream().map(Entry::transfer).forEach(t -> {
            if (transfers.putIfAbsent(t.id(), t) != null) {
                throw new IllegalStateException("duplicate id " + t.id());
            }
        });
        writes += list.size();
    }

    @Override
    public void updateBalances(Collection<BalanceChange> changes) {
        changes.forEach(c -> accounts.put(c.after().id(), c.after()));
        writes += changes.size();
    }

    @Override
    public void insertPendings(List<Transfer> list) {
        list.forEach(t -> pendings.put(t.id(), new PendingState(t.pendingStatus(), t.expiresAt())));
        writes += list.size();
    }

    @Override
    public void resolvePendings(List<PendingChange> changes) {
        changes.forEach(c -> pendings.put(
                c.pendingId(),
                new PendingState(c.status(), pendings.get(c.pendingId()).expiresAt())));
        writes += changes.size();
    }

    PendingStatus status(TransferId id) {
        return pendings.get(id).status();
    }
}
