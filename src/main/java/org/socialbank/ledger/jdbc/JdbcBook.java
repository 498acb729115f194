package org.socialbank.ledger.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.AccountStatus;
import org.socialbank.ledger.PendingStatus;
import org.socialbank.ledger.Transfer;
import org.socialbank.ledger.TransferCode;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferKind;
import org.socialbank.ledger.posting.Book;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's tables through {@link JdbcClient}; the SQL runs unchanged on H2 and PostgreSQL,
 * except a group's lock pass and balance updates, which PostgreSQL runs in the forms of {@link
 * PostgresStatements}.
 */
@Repository
public class JdbcBook implements Book {

    private static final String ACCOUNT_COLUMNS = "id, currency, owner_ref, kind, status, flags, "
            + "debits_posted, credits_posted, debits_pending, credits_pending, created_at";
    private static final String TRANSFER_COLUMNS = "t.seq, t.id, t.debit_account_id, "
            + "t.credit_account_id, t.amount_minor, t.currency, t.code, t.kind, t.pending_id, "
            + "t.timeout_seconds, t.metadata, t.created_at, p.status AS pending_status, p.expires_at";
    private static final String TRANSFER_FROM =
            " FROM transfers t LEFT JOIN pending_transfers p ON p.pending_id = t.id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** The group commit's statements on PostgreSQL; null on H2, which runs the portable ones. */
    private final PostgresStatements postgres;

    JdbcBook(JdbcClient jdbc, JdbcTemplate template, @Value("${spring.datasource.url}") String url) {
        this.jdbc = jdbc;
        this.template = template;
        this.postgres = url.startsWith("jdbc:postgresql:") ? new PostgresStatements(template) : null;
    }

    /**
     * Only on PostgreSQL, which aborts the whole transaction at the refused insert. On H2 (2.5.252)
     * the concurrency test (32 clients, 15 % replays) ended with debits and credits apart under
     * heavy load when groups took their ids as new, and once without that (session 10,
     * docs/benchmarks.md "Ledger work per transfer"); H2's balance writes are now a compare-and-set
     * ({@link #updateBalances}), but until the cause is known H2 also looks the ids up first.
     */
    @Override
    public boolean takesIdsAsNew() {
        return postgres != null;
    }

    @Override
    public Optional<Account> lockAccount(AccountId id) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id = ? FOR UPDATE")
                .param(id.value())
                .query(JdbcBook::account)
                .optional();
    }

    /**
     * One round trip for a group's accounts. PostgreSQL locks the rows as the sorted result comes
     * out, so in ascending id order like {@link #lockAccount} one at a time; so does H2, which
     * reads an IN list of primary keys in key order.
     */
    @Override
    public Map<AccountId, Account> lockAccounts(SortedSet<AccountId> ids) {
        Map<AccountId, Account> found = new LinkedHashMap<>();
        if (postgres != null) {
            postgres.byIds(
                            "SELECT " + ACCOUNT_COLUMNS
                                    + " FROM accounts WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE",
                            ids.stream().map(AccountId::value).toList(),
                            JdbcBook::account)
                    .forEach(a -> found.put(a.id(), a));
            return found;
        }
        jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids.stream().map(AccountId::value).toList())
                .query(JdbcBook::account)
                .list()
                .forEach(a -> found.put(a.id(), a));
        return found;
    }

    @Override
    public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
        Map<TransferId, Transfer> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM + " WHERE t.id IN (:ids)")
                .param("ids", ids.stream().map(TransferId::value).toList())
                .query(JdbcBook::transfer)
                .list()
                .forEach(t -> found.put(t.id(), t));
        return found;
    }

    public Optional<Account> findAccount(AccountId id) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id = ?")
                .param(id.value())
                .query(JdbcBook::account)
                .optional();
    }

    /** The accounts of those ids that exist, in one query, unlocked (a journal page's accounts). */
    public Map<AccountId, Account> findAccounts(java.util.Collection<AccountId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<AccountId, Account> found = new java.util.HashMap<>();
        jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id IN (:ids)")
                .param("ids", ids.stream().map(AccountId::value).distinct().toList())
                .query(JdbcBook::account)
                .list()
                .forEach(a -> found.put(a.id(), a));
        return found;
    }

    public List<Account> accountsOwnedBy(String ownerRef) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE owner_ref = ? ORDER BY created_at, id")
                .param(ownerRef)
                .query(JdbcBook::account)
                .list();
    }

    public void insertAccount(Account a) {
        jdbc.sql("INSERT INTO accounts (" + ACCOUNT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id().value(),
                        a.currency().code(),
                        a.ownerRef(),
                        a.kind().wireName(),
                        a.status().wireName(),
                        AccountFlag.toBits(a.flags()),
                        a.debitsPosted(),
                        a.creditsPosted(),
                        a.debitsPending(),
                        a.creditsPending(),
                        Timestamps.utc(a.createdAt()))
                .update();
    }

    public void updateStatus(AccountId id, AccountStatus status) {
        jdbc.sql("UPDATE accounts SET status = ? WHERE id = ?")
                .params(status.wireName(), id.value())
                .update();
    }

    @Override
    public Optional<Transfer> findTransfer(TransferId id) {
        return jdbc.sql("SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM + " WHERE t.id = ?")
                .param(id.value())
                .query(JdbcBook::transfer)
                .optional();
    }

    @Override
    public Optional<Transfer> findResolution(TransferId pendingId, TransferKind kind) {
        return jdbc.sql("SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM + " WHERE t.pending_id = ? AND t.kind = ?")
                .params(pendingId.value(), kind.wireName())
                .query(JdbcBook::transfer)
                .optional();
    }

    @Override
    public Optional<PendingState> lockPending(TransferId pendingId) {
        return jdbc.sql("SELECT status, expires_at FROM pending_transfers WHERE pending_id = ? FOR UPDATE")
                .param(pendingId.value())
                .query((rs, n) ->
                        new PendingState(PendingStatus.fromWireName(rs.getString(1)), Timestamps.instant(rs, 2)))
                .optional();
    }

    @Override
    public void insertTransfers(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "INSERT INTO transfers (id, debit_account_id, credit_account_id, "
                        + "amount_minor, currency, code, kind, pending_id, timeout_seconds, metadata, "
                        + "created_at, debit_balance_after, credit_balance_after) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
                entries.size(),
                (ps, e) -> {
                    Transfer t = e.transfer();
                    ps.setObject(1, t.id().value());
                    ps.setObject(2, t.debitAccountId().value());
                    ps.setObject(3, t.creditAccountId().value());
                    ps.setLong(4, t.amountMinor());
                    ps.setString(5, t.currency().code());
                    ps.setString(6, t.code().value());
                    ps.setString(7, t.kind().wireName());
                    ps.setObject(8, t.pendingId() == null ? null : t.pendingId().value());
                    ps.setLong(9, t.timeoutSeconds());
                    ps.setString(10, MetadataJson.write(t.metadata()));
                    ps.setObject(11, Timestamps.utc(t.createdAt()));
                    ps.setLong(12, e.debitBalanceAfterMinor());
                    ps.setLong(13, e.creditBalanceAfterMinor());
                });
    }

    @Override
    public void insertPendings(List<Transfer> pendings) {
        if (pendings.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "INSERT INTO pending_transfers (pending_id, status, expires_at) " + "VALUES (?, ?, ?)",
                pendings,
                pendings.size(),
                (ps, t) -> {
                    ps.setObject(1, t.id().value());
                    ps.setString(2, t.pendingStatus().wireName());
                    ps.setObject(3, t.expiresAt() == null ? null : Timestamps.utc(t.expiresAt()));
                });
    }

    @Override
    public void resolvePendings(List<PendingChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "UPDATE pending_transfers SET status = ?, resolved_by = ? " + "WHERE pending_id = ?",
                changes,
                changes.size(),
                (ps, c) -> {
                    ps.setString(1, c.status().wireName());
                    ps.setObject(2, c.resolvedBy().value());
                    ps.setObject(3, c.pendingId().value());
                });
    }

    /**
     * On H2 each row is written only where it still holds the balances its lock read, and a row
     * that does not fails the transaction as a lost race (it runs again with fresh reads): H2 has
     * had releases whose {@code SELECT ... FOR UPDATE} could return an older version of a row
     * under contention (h2database issues 1759 and 4208), and absolute balances written from such a
     * read would lose another transaction's update. PostgreSQL's row lock re-reads the newest version.
     */
    @Override
    public void updateBalances(Collection<BalanceChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (postgres != null) {
            postgres.updateBalances(changes.stream().map(BalanceChange::after).toList());
            return;
        }
        List<BalanceChange> list = List.copyOf(changes);
        int[][] counts = template.batchUpdate(
                "UPDATE accounts SET debits_posted = ?, credits_posted = ?, debits_pending = ?, credits_pending = ? "
                        + "WHERE id = ? AND debits_posted = ? AND credits_posted = ? AND debits_pending = ? "
                        + "AND credits_pending = ?",
                list,
                list.size(),
                (ps, c) -> {
                    Account a = c.after();
                    Account was = c.locked();
                    ps.setLong(1, a.debitsPosted());
                    ps.setLong(2, a.creditsPosted());
                    ps.setLong(3, a.debitsPending());
                    ps.setLong(4, a.creditsPending());
                    ps.setObject(5, a.id().value());
                    ps.setLong(6, was.debitsPosted());
                    ps.setLong(7, was.creditsPosted());
                    ps.setLong(8, was.debitsPending());
                    ps.setLong(9, was.creditsPending());
                });
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count != 1) {
                    throw new org.springframework.dao.OptimisticLockingFailureException(
                            "an account's balances changed after its lock read them; the transaction runs again");
                }
            }
        }
    }

    /**
     * The newest transfers touching an account, older than {@code beforeSequence}. Each side is
     * read through its own index, newest first, and the two short lists are merged.
     */
    public List<Sequenced> statement(AccountId account, long beforeSequence, int limit) {
        return jdbc.sql("SELECT " + TRANSFER_COLUMNS + TRANSFER_FROM + " WHERE t.seq IN ("
                        + "SELECT seq FROM (SELECT seq FROM transfers WHERE debit_account_id = :a AND seq < :before "
                        + "ORDER BY seq DESC LIMIT :n) d UNION ALL "
                        + "SELECT seq FROM (SELECT seq FROM transfers WHERE credit_account_id = :a AND seq < :before "
                        + "ORDER BY seq DESC LIMIT :n) c) ORDER BY t.seq DESC LIMIT :n")
                .param("a", account.value())
                .param("before", beforeSequence)
                .param("n", limit)
                .query((rs, n) -> new Sequenced(rs.getLong("seq"), transfer(rs, n)))
                .list();
    }

    /**
     * Rows that moved money (single-phase, posted pendings) after a place in the journal, oldest
     * first, with the balances stored beside them (null for rows written before V48), up to the
     * first of them written after {@code writtenBefore}: that one and the rows after it are left
     * for a later page. A filter on {@code created_at} instead would return a row written earlier
     * behind one written later and let a follower's cursor pass the later one for good. The read
     * is one range of the {@code seq} index that ends at {@code limit} rows (the filter read on
     * through every row still too new). A row whose time is after {@code skewedAfter} does not end
     * the page: its node's clock is ahead, and waiting for that time would hold every row after it.
     */
    public List<Posted> postedAfter(long afterSequence, Instant writtenBefore, Instant skewedAfter, int limit) {
        List<Posted> rows = jdbc.sql("SELECT " + TRANSFER_COLUMNS + ", t.debit_balance_after, t.credit_balance_after"
                        + TRANSFER_FROM + " WHERE t.seq > ? "
                        + "AND t.kind IN ('single_phase', 'post_pending') ORDER BY t.seq LIMIT ?")
                .params(afterSequence, limit)
                .query((rs, n) -> new Posted(
                        new Sequenced(rs.getLong("seq"), transfer(rs, n)),
                        nullableLong(rs, "debit_balance_after"),
                        nullableLong(rs, "credit_balance_after")))
                .list();
        return rows.stream()
                .takeWhile(p -> !p.row().transfer().createdAt().isAfter(writtenBefore)
                        || p.row().transfer().createdAt().isAfter(skewedAfter))
                .toList();
    }

    /** A journal row that moved money, with the balances after it when the row carries them. */
    public record Posted(Sequenced row, Long debitBalanceAfterMinor, Long creditBalanceAfterMinor) {}

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** An account's posted credits minus debits after the journal row {@code sequence}. */
    public long balanceAfter(AccountId account, long sequence) {
        return jdbc.sql("SELECT COALESCE((SELECT SUM(amount_minor) FROM transfers WHERE credit_account_id = :a "
                        + "AND seq <= :s AND kind IN ('single_phase', 'post_pending')), 0) - COALESCE((SELECT SUM(amount_minor) "
                        + "FROM transfers WHERE debit_account_id = :a AND seq <= :s AND kind IN ('single_phase', "
                        + "'post_pending')), 0)")
                .param("a", account.value())
                .param("s", sequence)
                .query(Long.class)
                .single();
    }

    /** A transfer with its place in this store's journal, which statements page by. */
    public record Sequenced(long sequence, Transfer transfer) {}

    /** Pending transfers whose timeout has passed, oldest first. */
    public List<TransferId> duePendings(Instant now, int limit) {
        return jdbc.sql("SELECT pending_id FROM pending_transfers WHERE status = 'pending' "
                        + "AND expires_at <= ? ORDER BY expires_at LIMIT ?")
                .params(Timestamps.utc(now), limit)
                .query((rs, n) -> new TransferId(rs.getObject(1, UUID.class)))
                .list();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                new AccountId(rs.getObject("id", UUID.class)),
                CurrencyCode.of(rs.getString("currency")),
                rs.getString("owner_ref"),
                AccountKind.fromWireName(rs.getString("kind")).orElseThrow(),
                AccountStatus.fromWireName(rs.getString("status")).orElseThrow(),
                AccountFlag.fromBits(rs.getInt("flags")),
                rs.getLong("debits_posted"),
                rs.getLong("credits_posted"),
                rs.getLong("debits_pending"),
                rs.getLong("credits_pending"),
                Timestamps.instant(rs, "created_at"));
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        UUID pendingId = rs.getObject("pending_id", UUID.class);
        String pendingStatus = rs.getString("pending_status");
        return new Transfer(
                new TransferId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("debit_account_id", UUID.class)),
                new AccountId(rs.getObject("credit_account_id", UUID.class)),
                rs.getLong("amount_minor"),
                CurrencyCode.of(rs.getString("currency")),
                new TransferCode(rs.getString("code")),
                TransferKind.fromWireName(rs.getString("kind")),
                pendingId == null ? null : new TransferId(pendingId),
                rs.getLong("timeout_seconds"),
                MetadataJson.read(rs.getString("metadata")),
                Timestamps.instant(rs, "created_at"),
                pendingStatus == null ? null : PendingStatus.fromWireName(pendingStatus),
                Timestamps.instant(rs, "expires_at"));
    }
}
