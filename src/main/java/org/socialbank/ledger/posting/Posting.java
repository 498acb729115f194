package org.socialbank.ledger.posting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Metadata;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.PendingStatus;
import org.socialbank.ledger.RejectionCode;
import org.socialbank.ledger.Resolution;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferKind;
import org.socialbank.ledger.TransferResult;
import org.socialbank.ledger.TransferResult.Posted;
import org.socialbank.ledger.TransferResult.Rejected;
import org.socialbank.shared.TimeOrderedIds;

/**
 * Applies transfers to a working set of locked accounts inside one database transaction and
 * writes the result once, in {@link #flush()}.
 *
 * <p>A rejected request changes nothing in the working set, so one posting can carry many
 * independent requests (the group commit of concurrent single transfers, {@code
 * ledger.GroupCommit}) as well as linked batches, alone or grouped: each batch is a unit ({@link
 * #beginUnit()}) that {@link #undoUnit()} takes back whole when one of its requests is rejected,
 * leaving the group's other batches as they were. A hot account (a merchant, an escrow) is locked
 * once per posting and its balance changes are applied here, in memory, by every transfer of the
 * group in turn.
 *
 * <p>A posting has one time for all of its rows (their {@code created_at}, a pending transfer's
 * expiry, the expiry check of a resolution), read from its clock the first time a row needs it:
 * after the account locks its caller took before, and the pending transfer's lock of a resolution,
 * so a wait for a busy account is not part of the time between a row's time and its commit, which
 * the journal's followers allow for (docs/ledger.md, "The journal's followers").
 */
public final class Posting {

    private final Book book;
    private final Supplier<Instant> clock;
    /** The posting's time, read once from {@link #clock} when a row first needs it; null before. */
    private Instant now;

    private final Map<AccountId, Optional<Account>> accounts = new HashMap<>();
    private final Map<AccountId, Account> changed = new LinkedHashMap<>();
    /** Each account as its lock read it, before this posting changed it. */
    private final Map<AccountId, Account> locked = new HashMap<>();

    private final Map<TransferId, Transfer> booked = new LinkedHashMap<>();
    /** Each booked row's accounts' posted balances right after it: {debit, credit}. */
    private final Map<TransferId, long[]> balancesAfter = new HashMap<>();
    /** Transfers looked up in advance for a group's idempotency checks; absent ids map to empty. */
    private final Map<TransferId, Optional<Transfer>> known = new HashMap<>();
    /** Ids taken to be new without asking the store ({@link #assumeNew}); a rejection asks it. */
    private final Set<TransferId> assumedNew = new java.util.HashSet<>();

    private final Map<TransferId, Book.PendingState> pendings = new HashMap<>();
    private final List<Book.PendingChange> resolved = new ArrayList<>();

    /**
     * While a unit is open, each account's working value and changed entry (null: none) as they
     * were before the unit first changed it, and the ids the unit booked; null when none is open.
     */
    private Map<AccountId, Optional<Account>> unitAccounts;

    private Map<AccountId, Account> unitChanged;
    private List<TransferId> unitBooked;

    /** @param clock the time of the posting, read once, when its first row needs it */
    public Posting(Book book, Supplier<Instant> clock) {
        this.book = book;
        this.clock = clock;
    }

    /** The posting's one time: its clock's, read the first time a row needs it, so after the locks. */
    private Instant now() {
        if (now == null) {
            now = clock.get();
        }
        return now;
    }

    /** Locks accounts in ascending id order; already locked ones are skipped. */
    public void lock(Collection<AccountId> ids) {
        SortedSet<AccountId> wanted = new TreeSet<>(ids);
        wanted.removeAll(accounts.keySet());
        if (wanted.size() == 1) {
            AccountId id = wanted.first();
            Optional<Account> found = book.lockAccount(id);
            accounts.put(id, found);
            found.ifPresent(a -> locked.put(id, a));
        } else if (!wanted.isEmpty()) {
            Map<AccountId, Account> found = book.lockAccounts(wanted);
            wanted.forEach(id -> accounts.put(id, Optional.ofNullable(found.get(id))));
            locked.putAll(found);
        }
    }

    /**
     * Reads in one go whether these transfer ids are in the journal already, so that a group of
     * requests checks its idempotency keys in one round trip instead of one each.
     */
    public void prefetch(Collection<TransferId> ids) {
        Set<TransferId> wanted = new java.util.HashSet<>(ids);
        wanted.removeAll(known.keySet());
        wanted.removeAll(booked.keySet());
        if (wanted.isEmpty()) {
            return;
        }
        Map<TransferId, Transfer> found = book.findTransfers(wanted);
        wanted.forEach(id -> known.put(id, Optional.ofNullable(found.get(id))));
    }

    /**
     * Takes these transfer ids to be new without a look-up (issue 22, ledger22): a fresh id is the
     * rule, and the journal's primary key still decides. A request with an id that is in the
     * journal after all is either booked here, and then refused by the primary key in {@link
     * #flush()}, which fails the whole transaction as a lost race (the caller runs it again with
     * {@link #prefetch}, and answers the replay); or rejected here, and then its id is looked up
     * before the rejection is answered, so that a replay is never answered with a rejection. Only
     * for a transaction of the posting's own, which a failed insert may roll back.
     */
    public void assumeNew(Collection<TransferId> ids) {
        for (TransferId id : ids) {
            if (!booked.containsKey(id) && !known.containsKey(id)) {
                known.put(id, Optional.empty());
                assumedNew.add(id);
            }
        }
    }

    public TransferResult create(NewTransfer request) {
        Optional<RejectionCode> shape = Rules.checkShape(request);
        if (shape.isPresent()) {
            return new Rejected(shape.get());
        }
        Optional<Transfer> existing = find(request.id());
        if (existing.isPresent()) {
            return replayOrConflict(request, existing.get());
        }
        TransferResult result = createNew(request);
        if (result instanceof Rejected && assumedNew.remove(request.id())) {
            Optional<Transfer> stored = book.findTransfer(request.id());
            known.put(request.id(), stored);
            if (stored.isPresent()) {
                return replayOrConflict(request, stored.get());
            }
        }
        return result;
    }

    private static TransferResult replayOrConflict(NewTransfer request, Transfer existing) {
        return request.sameAs(existing)
                ? new Posted(existing, true)
                : new Rejected(RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS);
    }

    private TransferResult createNew(NewTransfer request) {
        lock(List.of(request.debitAccountId(), request.creditAccountId()));
        Optional<Account> debit = accounts.get(request.debitAccountId());
        Optional<Account> credit = accounts.get(request.creditAccountId());
        if (debit.isEmpty() || credit.isEmpty()) {
            return new Rejected(RejectionCode.ACCOUNT_NOT_FOUND);
        }
        Optional<RejectionCode> rejection = Rules.checkCreate(request, debit.get(), credit.get());
        if (rejection.isPresent()) {
            return new Rejected(rejection.get());
        }
        return new Posted(book(request, debit.get(), credit.get()), false);
    }

    /**
     * Opens a unit of {@link #create} calls that {@link #undoUnit()} can take back whole (a linked
     * batch among others in one transaction); {@link #endUnit()} keeps it. Nothing of a unit is
     * written before {@link #flush()}, so taking it back touches the working set only; the locks it
     * took stay held until the transaction ends, as every lock of a posting does.
     */
    public void beginUnit() {
        if (unitBooked != null) {
            throw new IllegalStateException("a unit is open already");
        }
        unitAccounts = new HashMap<>();
        unitChanged = new HashMap<>();
        unitBooked = new ArrayList<>();
    }

    /** Keeps what the open unit booked. */
    public void endUnit() {
        requireUnit();
        unitAccounts = null;
        unitChanged = null;
        unitBooked = null;
    }

    /** Takes back everything the open unit booked and closes it, as if its requests had never come. */
    public void undoUnit() {
        requireUnit();
        for (TransferId id : unitBooked) {
            booked.remove(id);
            balancesAfter.remove(id);
            pendings.remove(id);
        }
        unitAccounts.forEach(accounts::put);
        unitChanged.forEach((id, before) -> {
            if (before == null) {
                changed.remove(id);
            } else {
                changed.put(id, before);
            }
        });
        endUnit();
    }

    private void requireUnit() {
        if (unitBooked == null) {
            throw new IllegalStateException("no unit is open");
        }
    }

    public TransferResult resolve(Resolution request) {
        if (unitBooked != null) {
            throw new IllegalStateException("a unit holds new transfers only");
        }
        if (request.amountMinor().isPresent() && request.amountMinor().getAsLong() <= 0) {
            return new Rejected(RejectionCode.AMOUNT_MUST_BE_POSITIVE);
        }
        Optional<Transfer> pending = find(request.pendingId()).filter(Transfer::pending);
        if (pending.isEmpty()) {
            return new Rejected(RejectionCode.PENDING_NOT_FOUND);
        }
        Transfer original = pending.get();
        long amount = request.amountMinor().orElse(original.amountMinor());
        Optional<Transfer> existing = findResolution(original.id(), request.kind());
        if (existing.isPresent()) {
            // the same resolution again is a replay; a post of another amount comes too late
            return existing.get().amountMinor() == amount
                    ? new Posted(existing.get(), true)
                    : new Rejected(RejectionCode.PENDING_ALREADY_POSTED);
        }
        lock(List.of(original.debitAccountId(), original.creditAccountId()));
        Account debit = accounts.get(original.debitAccountId()).orElseThrow();
        Account credit = accounts.get(original.creditAccountId()).orElseThrow();
        Book.PendingState state = pendingState(original.id());
        Optional<RejectionCode> rejection = Rules.checkResolve(request, original, amount, state, debit, credit, now());
        if (rejection.isPresent()) {
            return new Rejected(rejection.get());
        }
        return new Posted(resolve(request, original, amount, debit, credit), false);
    }

    /** Writes everything booked so far; call once, inside the transaction that took the locks. */
    public void flush() {
        List<Transfer> transfers = List.copyOf(booked.values());
        book.insertTransfers(transfers.stream()
                .map(t -> {
                    long[] after = balancesAfter.get(t.id());
                    return new Book.Entry(t, after[0], after[1]);
                })
                .toList());
        book.insertPendings(transfers.stream().filter(Transfer::pending).toList());
        book.resolvePendings(resolved);
        book.updateBalances(changed.values().stream()
                .map(after -> new Book.BalanceChange(locked.get(after.id()), after))
                .toList());
    }

    public boolean isEmpty() {
        return booked.isEmpty();
    }

    private Optional<Transfer> find(TransferId id) {
        Transfer mine = booked.get(id);
        if (mine != null) {
            return Optional.of(mine);
        }
        Optional<Transfer> prefetched = known.get(id);
        return prefetched != null ? prefetched : book.findTransfer(id);
    }

    private Optional<Transfer> findResolution(TransferId pendingId, TransferKind kind) {
        Optional<Transfer> mine = booked.values().stream()
                .filter(t -> t.kind() == kind && pendingId.equals(t.pendingId()))
                .findFirst();
        return mine.isPresent() ? mine : book.findResolution(pendingId, kind);
    }

    private Book.PendingState pendingState(TransferId pendingId) {
        return pendings.computeIfAbsent(
                pendingId,
                id -> book.lockPending(id)
                        .orElseThrow(() -> new IllegalStateException("pending transfer " + id + " has no status row")));
    }

    private Transfer book(NewTransfer request, Account debit, Account credit) {
        long amount = request.amountMinor();
        Instant at = now();
        Transfer transfer;
        if (request.pending()) {
            Instant expiresAt = request.timeoutSeconds() == 0 ? null : at.plusSeconds(request.timeoutSeconds());
            transfer = new Transfer(
                    request.id(),
                    debit.id(),
                    credit.id(),
                    amount,
                    request.currency(),
                    request.code(),
                    TransferKind.PENDING,
                    null,
                    request.timeoutSeconds(),
                    request.metadata(),
                    at,
                    PendingStatus.PENDING,
                    expiresAt);
            change(Balances.reserve(debit, credit, amount));
            pendings.put(transfer.id(), new Book.PendingState(PendingStatus.PENDING, expiresAt));
        } else {
            transfer = new Transfer(
                    request.id(),
                    debit.id(),
                    credit.id(),
                    amount,
                    request.currency(),
                    request.code(),
                    TransferKind.SINGLE_PHASE,
                    null,
                    0,
                    request.metadata(),
                    at,
                    null,
                    null);
            change(Balances.post(debit, credit, amount));
        }
        booked.put(transfer.id(), transfer);
        balancesAfter.put(transfer.id(), balances(debit.id(), credit.id()));
        if (unitBooked != null) {
            unitBooked.add(transfer.id());
        }
        return transfer;
    }

    private Transfer resolve(Resolution request, Transfer original, long amount, Account debit, Account credit) {
        boolean post = request.kind() == TransferKind.POST_PENDING;
        PendingStatus status = switch (request.kind()) {
            case POST_PENDING -> PendingStatus.POSTED;
            case VOID_PENDING -> PendingStatus.VOIDED;
            default -> PendingStatus.EXPIRED;
        };
        change(Balances.release(debit, credit, original.amountMinor(), post ? amount : 0));
        // a fresh id: resolutions are found by (pending, kind), so no caller can pre-empt the id; one
        // that grows with time lands at the end of the journal's id index (docs/ledger.md, "Transfer ids")
        Transfer transfer = new Transfer(
                new TransferId(TimeOrderedIds.next()),
                debit.id(),
                credit.id(),
                post ? amount : original.amountMinor(),
                original.currency(),
                original.code(),
                request.kind(),
                original.id(),
                0,
                Metadata.EMPTY,
                now(),
                null,
                null);
        booked.put(transfer.id(), transfer);
        balancesAfter.put(transfer.id(), balances(debit.id(), credit.id()));
        Book.PendingState before = pendings.get(original.id());
        pendings.put(original.id(), new Book.PendingState(status, before.expiresAt()));
        Transfer pendingRow = booked.get(original.id());
        if (pendingRow != null) { // pending and resolved in the same posting: insert it resolved
            booked.put(original.id(), pendingRow.withPendingStatus(status));
        }
        resolved.add(new Book.PendingChange(original.id(), status, transfer.id()));
        return transfer;
    }

    private long[] balances(AccountId debit, AccountId credit) {
        return new long[] {
            accounts.get(debit).orElseThrow().balanceMinor(),
            accounts.get(credit).orElseThrow().balanceMinor()
        };
    }

    private void change(Account[] updated) {
        for (Account account : updated) {
            if (unitAccounts != null && !unitAccounts.containsKey(account.id())) {
                unitAccounts.put(account.id(), accounts.get(account.id()));
                unitChanged.put(account.id(), changed.get(account.id()));
            }
            accounts.put(account.id(), Optional.of(account));
            changed.put(account.id(), account);
        }
    }
}
