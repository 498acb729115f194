package org.socialbank.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.socialbank.ledger.BatchResult.Committed;
import org.socialbank.ledger.TransferResult.Posted;
import org.socialbank.ledger.TransferResult.Rejected;
import org.socialbank.ledger.jdbc.JdbcBook;
import org.socialbank.ledger.posting.Posting;
import org.socialbank.shared.Durability;
import org.socialbank.shared.Microseconds;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's use cases. Each write runs in one database transaction that locks the accounts it
 * touches in ascending id order, and returns only once the commit is durable. Single transfers
 * from callers outside a transaction (the API, the chat's payments once they stand alone) share
 * their transaction with the others that arrive at the same time ({@link GroupCommit}); so do
 * linked batches, each still all-or-nothing.
 */
@Service
public class Ledger implements DisposableBean {

    /**
     * The most journal rows one {@link #postedAfter} page holds: the journal's followers' own
     * maximum, which their settings are checked against at start, apart from the API's statement
     * page ({@code socialbank.ledger.statement-page-max}).
     */
    public static final int JOURNAL_PAGE_MAX = 1_000;

    private final JdbcBook book;
    private final Transactions transactions;
    private final Durability durability;
    private final Clock clock;
    private final LedgerProperties properties;
    private final LedgerMetrics metrics;
    private final GroupCommit<NewTransfer, TransferResult> groups;
    private final GroupCommit<List<NewTransfer>, BatchResult> linkedGroups;

    Ledger(
            JdbcBook book,
            Transactions transactions,
            Durability durability,
            Clock clock,
            LedgerProperties properties,
            LedgerMetrics metrics) {
        this.book = book;
        this.transactions = transactions;
        this.durability = durability;
        this.clock = clock;
        this.properties = properties;
        this.metrics = metrics;
        this.groups = !properties.groupCommit()
                ? null
                : new GroupCommit<>(
                        new GroupCommit.Writer<NewTransfer, TransferResult>() {
                            @Override
                            public List<TransferResult> writeAll(List<NewTransfer> requests) {
                                return transferAll(requests);
                            }

                            @Override
                            public TransferResult writeOne(NewTransfer request) {
                                return transferAlone(request);
                            }
                        },
                        properties.groupSizeMax(),
                        properties.groupCommitters(),
                        metrics::groupSize);
        this.linkedGroups = !properties.groupCommit()
                ? null
                : new GroupCommit<>(
                        new GroupCommit.Writer<List<NewTransfer>, BatchResult>() {
                            @Override
                            public List<BatchResult> writeAll(List<List<NewTransfer>> batches) {
                                return linkedAll(batches);
                            }

                            @Override
                            public BatchResult writeOne(List<NewTransfer> batch) {
                                return linkedAll(List.of(batch)).get(0);
                            }
                        },
                        properties.groupBatchesMax(),
                        properties.groupCommitters(),
                        metrics::linkedGroupSize);
    }

    /** Writes what is still queued, then stops the group commit's threads. */
    @Override
    public void destroy() {
        if (groups != null) {
            groups.close();
        }
        if (linkedGroups != null) {
            linkedGroups.close();
        }
    }

    public OpenResult open(NewAccount request) {
        return durably(() -> {
            Optional<Account> existing = book.lockAccount(request.id());
            if (existing.isPresent()) {
                return request.sameAs(existing.get())
                        ? new OpenResult.Opened(existing.get(), true)
                        : new OpenResult.Rejected(RejectionCode.ID_EXISTS_WITH_DIFFERENT_FIELDS);
            }
            if (request.flags().size() > 1) {
                return new OpenResult.Rejected(RejectionCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE);
            }
            Account account = new Account(
                    request.id(),
                    request.currency(),
                    request.ownerRef(),
                    request.kind(),
                    AccountStatus.OPEN,
                    request.flags(),
                    0,
                    0,
                    0,
                    0,
                    now());
            book.insertAccount(account);
            return new OpenResult.Opened(account, false);
        });
    }

    public Optional<Account> account(AccountId id) {
        return book.findAccount(id);
    }

    public List<Account> accountsOwnedBy(String ownerRef) {
        return book.accountsOwnedBy(ownerRef);
    }

    /** Freezes, unfreezes or closes an account; closing needs zero balances and no reservation. */
    public StatusResult changeStatus(AccountId id, AccountStatus target) {
        return durably(() -> {
            Optional<Account> found = book.lockAccount(id);
            if (found.isEmpty()) {
                return new StatusResult.Rejected(RejectionCode.ACCOUNT_NOT_FOUND);
            }
            Account account = found.get();
            if (account.status() == target) {
                return new StatusResult.Changed(account);
            }
            if (account.status() == AccountStatus.CLOSED) {
                return new StatusResult.Rejected(RejectionCode.ACCOUNT_CLOSED);
            }
            if (target == AccountStatus.CLOSED
                    && (account.balanceMinor() != 0 || account.debitsPending() != 0 || account.creditsPending() != 0)) {
                return new StatusResult.Rejected(RejectionCode.ACCOUNT_HAS_BALANCE);
            }
            book.updateStatus(id, target);
            return new StatusResult.Changed(account.withStatus(target));
        });
    }

    /**
     * Books one transfer. Outside a transaction it joins the next group commit; inside the
     * caller's transaction it is written there, so that it commits with the caller's own writes.
     */
    public TransferResult transfer(NewTransfer request) {
        if (groups == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transferAlone(request);
        }
        return groups.submit(request);
    }

    /**
     * Independent single transfers in one transaction, answered each in the requests' order: a
     * rejection changes nothing, so the others are booked as if they had come one by one.
     */
    List<TransferResult> transferAll(List<NewTransfer> requests) {
        List<TransferResult> results = inOnePosting(requests, posting -> {
            List<TransferResult> answers = new ArrayList<>(requests.size());
            for (NewTransfer request : requests) {
                answers.add(posting.create(request));
            }
            return answers;
        });
        results.forEach(result -> metrics.count("transfer", result));
        return results;
    }

    /**
     * Runs {@code work} in one durable transaction on a posting that has locked every account of
     * {@code requests} in one pass and checked their ids in one look-up, then flushes it: the shape
     * shared by a group of single transfers and a group of linked batches. The posting reads its
     * time when its first row needs it, after the locks ({@link Posting}).
     */
    private <T> T inOnePosting(List<NewTransfer> requests, java.util.function.Function<Posting, T> work) {
        Attempts attempts =
                new Attempts(book.takesIdsAsNew() && !TransactionSynchronizationManager.isActualTransactionActive());
        return durably(() -> {
            Posting posting = new Posting(book, this::now);
            posting.lock(requests.stream()
                    .flatMap(r -> Stream.of(r.debitAccountId(), r.creditAccountId()))
                    .toList());
            attempts.checkIds(posting, requests);
            T answers = work.apply(posting);
            posting.flush();
            return answers;
        });
    }

    private TransferResult transferAlone(NewTransfer request) {
        return metrics.count("transfer", durably(() -> {
            Posting posting = new Posting(book, this::now);
            posting.lock(List.of(request.debitAccountId(), request.creditAccountId()));
            TransferResult result = posting.create(request);
            posting.flush();
            return result;
        }));
    }

    /**
     * Books all of the transfers or none, in one transaction. Outside a transaction the batch joins
     * the next group of linked batches (each still all-or-nothing, answered on its own); inside
     * the caller's transaction it is written there.
     */
    public BatchResult transferLinked(List<NewTransfer> requests) {
        if (requests.isEmpty() || requests.size() > properties.batchSizeMax()) {
            throw new IllegalArgumentException("a linked batch holds 1 to " + properties.batchSizeMax() + " transfers");
        }
        if (linkedGroups == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return linkedAll(List.of(requests)).get(0);
        }
        return linkedGroups.submit(requests);
    }

    /**
     * Linked batches in one transaction, answered each in the batches' order: one lock pass over
     * all of their accounts, one look-up of their ids, one flush; a batch with a rejected transfer
     * is taken back whole from the working set ({@link Posting#undoUnit()}), so that it changes
     * nothing and the others are booked as if they had come one by one.
     */
    List<BatchResult> linkedAll(List<List<NewTransfer>> batches) {
        List<NewTransfer> all = batches.stream().flatMap(List::stream).toList();
        List<BatchResult> results = inOnePosting(all, posting -> {
            List<BatchResult> answers = new ArrayList<>(batches.size());
            for (List<NewTransfer> batch : batches) {
                answers.add(linked(posting, batch));
            }
            return answers;
        });
        results.forEach(metrics::count);
        return results;
    }

    private static BatchResult linked(Posting posting, List<NewTransfer> batch) {
        posting.beginUnit();
        List<Transfer> booked = new ArrayList<>(batch.size());
        boolean allReplayed = true;
        for (int i = 0; i < batch.size(); i++) {
            TransferResult result = posting.create(batch.get(i));
            if (result instanceof Rejected rejected) {
                posting.undoUnit();
                return linkedFailure(batch.size(), i, rejected.code());
            }
            Posted posted = (Posted) result;
            booked.add(posted.transfer());
            allReplayed &= posted.replayed();
        }
        posting.endUnit();
        return new Committed(booked, allReplayed);
    }

    /** Posts (all or part of) or voids a pending transfer. */
    public TransferResult resolve(Resolution request) {
        return metrics.count(request.kind().wireName(), durably(() -> resolveInTransaction(request)));
    }

    public Optional<Transfer> transfer(TransferId id) {
        return book.findTransfer(id);
    }

    /**
     * One page of an account's transfers, newest first.
     *
     * @param cursor the {@code nextCursor} of the previous page, empty for the newest page
     */
    public Optional<StatementPage> statement(AccountId id, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > properties.statementPageMax()) {
            throw new IllegalArgumentException("limit must be between 1 and " + properties.statementPageMax());
        }
        long before = cursor.map(Ledger::decodeCursor).orElse(Long.MAX_VALUE);
        if (book.findAccount(id).isEmpty()) {
            return Optional.empty();
        }
        List<JdbcBook.Sequenced> page = book.statement(id, before, limit + 1);
        Optional<String> next = page.size() > limit
                ? Optional.of(encodeCursor(page.get(limit - 1).sequence()))
                : Optional.empty();
        return Optional.of(new StatementPage(
                page.stream().limit(limit).map(JdbcBook.Sequenced::transfer).toList(), next));
    }

    /**
     * The journal's rows that moved money after {@code afterSequence}, oldest first, each with the
     * balances right after it. The page ends before the first of them (in journal order) written
     * after {@code writtenBefore}: that row and the ones after it come in a later call, so a
     * follower that moves its cursor to the page's last row never passes a row written later than
     * a row it read (docs/ledger.md, "The journal's followers"). A row whose time is more than
     * {@code socialbank.ledger.clock-skew-max} after this node's clock was written by a node whose
     * clock is ahead: it does not end the page (it would hold the journal until real time caught
     * up), it is read as if settled, logged and counted.
     *
     * @param limit 1 to {@link #JOURNAL_PAGE_MAX}, whatever the statements' page maximum
     */
    public List<JournalPosting> postedAfter(long afterSequence, Instant writtenBefore, int limit) {
        if (limit < 1 || limit > JOURNAL_PAGE_MAX) {
            throw new IllegalArgumentException("limit must be between 1 and " + JOURNAL_PAGE_MAX);
        }
        Instant now = clock.instant();
        Instant skewedAfter = now.plus(properties.clockSkewMax());
        List<JdbcBook.Posted> page = book.postedAfter(afterSequence, writtenBefore, skewedAfter, limit);
        page.stream()
                .map(p -> p.row().transfer())
                .filter(t -> t.createdAt().isAfter(skewedAfter))
                .forEach(t -> metrics.skewed(t, now));
        // the page's accounts in one read (a follower reads pages of hundreds of rows, several a second)
        Map<AccountId, Account> accounts = new HashMap<>(book.findAccounts(page.stream()
                .flatMap(p -> java.util.stream.Stream.of(
                        p.row().transfer().debitAccountId(), p.row().transfer().creditAccountId()))
                .collect(java.util.stream.Collectors.toSet())));
        return page.stream()
                .map(p -> {
                    JdbcBook.Sequenced s = p.row();
                    Transfer t = s.transfer();
                    // rows booked before V48 carry no balances: only those add up the account's journal
                    long debitAfter = p.debitBalanceAfterMinor() != null
                            ? p.debitBalanceAfterMinor()
                            : book.balanceAfter(t.debitAccountId(), s.sequence());
                    long creditAfter = p.creditBalanceAfterMinor() != null
                            ? p.creditBalanceAfterMinor()
                            : book.balanceAfter(t.creditAccountId(), s.sequence());
                    return new JournalPosting(
                            s.sequence(),
                            t,
                            accounts.computeIfAbsent(
                                    t.debitAccountId(),
                                    id -> book.findAccount(id).orElseThrow()),
                            accounts.computeIfAbsent(
                                    t.creditAccountId(),
                                    id -> book.findAccount(id).orElseThrow()),
                            debitAfter,
                            creditAfter);
                })
                .toList();
    }

    /** Voids pending transfers whose timeout has passed; returns how many it expired. */
    public int expireDue() {
        int expired = 0;
        for (TransferId pendingId : book.duePendings(now(), properties.expiryBatchMax())) {
            TransferResult result =
                    metrics.count("expire_pending", durably(() -> resolveInTransaction(Resolution.expire(pendingId))));
            if (result instanceof Posted posted && !posted.replayed()) {
                expired++;
            }
        }
        return expired;
    }

    private TransferResult resolveInTransaction(Resolution request) {
        Posting posting = new Posting(book, this::now);
        book.findTransfer(request.pendingId())
                .filter(Transfer::pending)
                .ifPresent(p -> posting.lock(List.of(p.debitAccountId(), p.creditAccountId())));
        TransferResult result = posting.resolve(request);
        posting.flush();
        return result;
    }

    /**
     * How a transaction of many transfers checks their ids (issue 22, ledger22). On PostgreSQL its
     * first attempt takes them to be new ({@link Posting#assumeNew}): no look-up, the journal's
     * primary key decides, and a replay among them fails the attempt as a lost race. A later
     * attempt, one inside a caller's transaction (which a failed insert would spoil) and every
     * attempt on H2 ({@code JdbcBook#takesIdsAsNew}) look them all up in one query ({@link
     * Posting#prefetch}) instead of one per transfer.
     */
    private static final class Attempts {

        private final boolean optimistic;
        private int made;

        Attempts(boolean optimistic) {
            this.optimistic = optimistic;
        }

        void checkIds(Posting posting, List<NewTransfer> requests) {
            List<TransferId> ids = requests.stream().map(NewTransfer::id).toList();
            if (optimistic && made++ == 0) {
                posting.assumeNew(ids);
            } else {
                posting.prefetch(ids);
            }
        }
    }

    private <T> T durably(java.util.function.Supplier<T> work) {
        T result = transactions.run(work);
        durability.awaitDurable();
        return result;
    }

    private Instant now() {
        // the stores keep microseconds; a replay must return what was stored
        return Microseconds.now(clock);
    }

    private static BatchResult linkedFailure(int size, int failed, RejectionCode code) {
        List<RejectionCode> codes = new ArrayList<>(Collections.nCopies(size, RejectionCode.LINKED_EVENT_FAILED));
        codes.set(failed, code);
        return new BatchResult.Rejected(failed, codes);
    }

    private static String encodeCursor(long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decodeCursor(String cursor) {
        return cursorSequence(cursor)
                .orElseThrow(() -> new IllegalArgumentException("cursor is not one this server issued"));
    }

    /** Whether {@code cursor} has the shape of a {@code nextCursor} this server issues (for a web adapter's 400). */
    public static boolean readsCursor(String cursor) {
        return cursorSequence(cursor).isPresent();
    }

    private static java.util.OptionalLong cursorSequence(String cursor) {
        try {
            long sequence =
                    Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            return sequence > 0 ? java.util.OptionalLong.of(sequence) : java.util.OptionalLong.empty();
        } catch (IllegalArgumentException notBase64OrDigits) { // the JDK's decoders only throw
            return java.util.OptionalLong.empty();
        }
    }
}
