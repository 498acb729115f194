package org.socialbank.directory.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasChange;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.Customer;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.CustomerView.AliasEntry;
import org.socialbank.directory.CustomerView.HeldAccount;
import org.socialbank.directory.KycLevel;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;
import org.socialbank.shared.jdbc.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The directory's tables; portable SQL for H2 and PostgreSQL. */
@Repository
public class JdbcDirectory {

    private static final String CUSTOMER_COLUMNS =
            "id, display_name, language, kyc_level, status, username, created_at";

    private final JdbcClient jdbc;

    JdbcDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertCustomer(Customer c, String passwordHash) {
        jdbc.sql("INSERT INTO customers (" + CUSTOMER_COLUMNS + ", password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id().value(),
                        c.displayName(),
                        c.language().tag(),
                        c.kycLevel().wireName(),
                        c.status().wireName(),
                        c.username(),
                        Timestamps.utc(c.createdAt()),
                        passwordHash)
                .update();
    }

    public Optional<Customer> findCustomer(CustomerId id) {
        return jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM customers WHERE id = ?")
                .param(id.value())
                .query(JdbcDirectory::customer)
                .optional();
    }

    public Optional<CustomerId> findByUsername(String username) {
        return jdbc.sql("SELECT id FROM customers WHERE username = ?")
                .param(username)
                .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Customers in id order after {@code after} (exclusive), at most {@code limit}. */
    public List<Customer> customers(Optional<CustomerId> after, int limit) {
        // no "smallest UUID" sentinel: databases order UUIDs differently (signed or not)
        return after.isEmpty()
                ? jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM customers ORDER BY id LIMIT ?")
                        .param(limit)
                        .query(JdbcDirectory::customer)
                        .list()
                : jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM customers WHERE id > ? ORDER BY id LIMIT ?")
                        .params(after.get().value(), limit)
                        .query(JdbcDirectory::customer)
                        .list();
    }

    public void insertAlias(Alias alias, CustomerId owner, boolean verified, Instant now) {
        jdbc.sql(
                        "INSERT INTO aliases (type, network, alias_value, customer_id, verified, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        alias.type().wireName(),
                        network(alias),
                        alias.value(),
                        owner.value(),
                        verified,
                        Timestamps.utc(now))
                .update();
    }

    /**
     * The account that proved a handle alias, by the network's fixed id (review 2026-12-07 alias
     * follow-up); set on the alias row the customer holds.
     */
    public void bindHolder(Alias alias, CustomerId owner, String externalId) {
        jdbc.sql("UPDATE aliases SET external_id = ? WHERE type = ? AND network = ? AND alias_value = ? "
                        + "AND customer_id = ?")
                .params(externalId, alias.type().wireName(), network(alias), alias.value(), owner.value())
                .update();
    }

    /** An alias as held: by whom, whether verified, and for a handle the account that proved it. */
    public record Held(Alias alias, CustomerId customerId, boolean verified, String externalId) {}

    public Optional<Held> held(Alias alias) {
        return jdbc.sql("SELECT customer_id, verified, external_id FROM aliases "
                        + "WHERE type = ? AND network = ? AND alias_value = ?")
                .params(alias.type().wireName(), network(alias), alias.value())
                .query((rs, n) ->
                        new Held(alias, new CustomerId(rs.getObject(1, UUID.class)), rs.getBoolean(2), rs.getString(3)))
                .optional();
    }

    /** The handle aliases on a network proved by this account (a handful: one account, one handle). */
    public List<Held> heldBy(Network network, String externalId) {
        return jdbc.sql("SELECT alias_value, customer_id, verified FROM aliases "
                        + "WHERE network = ? AND external_id = ? ORDER BY alias_value LIMIT 100")
                .params(network.wireName(), externalId)
                .query((rs, n) -> new Held(
                        new Alias(AliasType.HANDLE, network, rs.getString(1)),
                        new CustomerId(rs.getObject(2, UUID.class)),
                        rs.getBoolean(3),
                        externalId))
                .list();
    }

    /** Removes the alias from whoever holds it; true when there was one. */
    public boolean deleteAlias(Alias alias) {
        return jdbc.sql("DELETE FROM aliases WHERE type = ? AND network = ? AND alias_value = ?")
                        .params(alias.type().wireName(), network(alias), alias.value())
                        .update()
                > 0;
    }

    /**
     * One row of the alias audit (V128): only ever inserted, in the transaction of the change.
     *
     * @param action {@code added}, {@code verified}, {@code replaced} or {@code released}
     */
    public void audit(Instant at, String action, Held held, String actor, String actorName, String reason) {
        jdbc.sql("INSERT INTO alias_audit (acted_at, action, type, network, alias_value, customer_id, verified, "
                        + "actor, actor_name, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamps.utc(at),
                        action,
                        held.alias().type().wireName(),
                        network(held.alias()),
                        held.alias().value(),
                        held.customerId().value(),
                        held.verified(),
                        actor,
                        actorName,
                        reason)
                .update();
    }

    /** An alias's audit, oldest first, at most {@code limit}. */
    public List<AliasChange> auditOf(Alias alias, int limit) {
        return jdbc.sql("SELECT acted_at, action, customer_id, actor, reason FROM alias_audit "
                        + "WHERE type = ? AND network = ? AND alias_value = ? ORDER BY seq LIMIT ?")
                .params(alias.type().wireName(), network(alias), alias.value(), limit)
                .query((rs, n) -> new AliasChange(
                        Timestamps.instant(rs, "acted_at"),
                        rs.getString("action"),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        rs.getString("actor"),
                        rs.getString("reason")))
                .list();
    }

    public void markVerified(Alias alias) {
        jdbc.sql("UPDATE aliases SET verified = TRUE WHERE type = ? AND network = ? AND alias_value = ?")
                .params(alias.type().wireName(), network(alias), alias.value())
                .update();
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM customers WHERE username = ? AND status = 'active'")
                .param(username)
                .query(String.class)
                .optional();
    }

    public Optional<CustomerId> aliasOwner(Alias alias) {
        return jdbc.sql("SELECT customer_id FROM aliases WHERE type = ? AND network = ? AND alias_value = ?")
                .params(alias.type().wireName(), network(alias), alias.value())
                .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /**
     * The customer who holds an alias, verified, in one read (the alias's owner and their row): an
     * alias nobody proved receives no money (review 2026-12-07 alias follow-up).
     */
    public Optional<Customer> aliasCustomer(Alias alias) {
        return jdbc.sql("SELECT c.id, c.display_name, c.language, c.kyc_level, c.status, c.username, c.created_at "
                        + "FROM aliases a JOIN customers c ON c.id = a.customer_id "
                        + "WHERE a.type = ? AND a.network = ? AND a.alias_value = ? AND a.verified = TRUE")
                .params(alias.type().wireName(), network(alias), alias.value())
                .query(JdbcDirectory::customer)
                .optional();
    }

    /** Several customers in one read, in no particular order; those not found are left out. */
    public List<Customer> findCustomers(java.util.Collection<CustomerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + CUSTOMER_COLUMNS + " FROM customers WHERE id IN (:ids)")
                .param("ids", ids.stream().map(CustomerId::value).toList())
                .query(JdbcDirectory::customer)
                .list();
    }

    /** The aliases of several customers in one read, by customer, each in {@link #aliasesOf} order. */
    public java.util.Map<CustomerId, List<AliasEntry>> aliasesOf(java.util.Collection<CustomerId> ids) {
        java.util.Map<CustomerId, List<AliasEntry>> byCustomer = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql("SELECT customer_id, type, network, alias_value, verified FROM aliases WHERE customer_id IN (:ids) "
                        + "ORDER BY customer_id, type, network, alias_value")
                .param("ids", ids.stream().map(CustomerId::value).toList())
                .query((rs, n) -> java.util.Map.entry(
                        new CustomerId(rs.getObject(1, UUID.class)),
                        new AliasEntry(
                                new Alias(
                                        AliasType.fromWireName(rs.getString(2)).orElseThrow(),
                                        rs.getString(3).isEmpty()
                                                ? null
                                                : Network.fromWireName(rs.getString(3))
                                                        .orElseThrow(),
                                        rs.getString(4)),
                                rs.getBoolean(5))))
                .list()
                .forEach(e -> byCustomer
                        .computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>())
                        .add(e.getValue()));
        return byCustomer;
    }

    public List<AliasEntry> aliasesOf(CustomerId id) {
        return jdbc.sql("SELECT type, network, alias_value, verified FROM aliases WHERE customer_id = ? "
                        + "ORDER BY type, network, alias_value")
                .param(id.value())
                .query((rs, n) -> new AliasEntry(
                        new Alias(
                                AliasType.fromWireName(rs.getString(1)).orElseThrow(),
                                rs.getString(2).isEmpty()
                                        ? null
                                        : Network.fromWireName(rs.getString(2)).orElseThrow(),
                                rs.getString(3)),
                        rs.getBoolean(4)))
                .list();
    }

    public List<HeldAccount> accountsOf(CustomerId id) {
        return jdbc.sql("SELECT a.account_id, a.currency, p.account_id AS primary_id FROM customer_accounts a "
                        + "LEFT JOIN primary_accounts p ON p.account_id = a.account_id "
                        + "WHERE a.customer_id = ? ORDER BY a.currency, a.account_id")
                .param(id.value())
                .query((rs, n) -> new HeldAccount(
                        new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getObject(3) != null))
                .list();
    }

    public Optional<CustomerId> accountHolder(AccountId account) {
        return jdbc.sql("SELECT customer_id FROM customer_accounts WHERE account_id = ?")
                .param(account.value())
                .query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** The holders of those of the accounts that customers hold, in one query (at most 1,000 accounts). */
    public java.util.Map<AccountId, CustomerId> accountHolders(java.util.Collection<AccountId> accounts) {
        if (accounts.isEmpty()) {
            return java.util.Map.of();
        }
        if (accounts.size() > 1_000) {
            throw new IllegalArgumentException("at most 1,000 accounts at once");
        }
        java.util.Map<AccountId, CustomerId> holders = new java.util.HashMap<>();
        jdbc.sql("SELECT account_id, customer_id FROM customer_accounts WHERE account_id IN (:accounts)")
                .param(
                        "accounts",
                        accounts.stream().map(AccountId::value).distinct().toList())
                .query((rs, n) -> holders.put(
                        new AccountId(rs.getObject(1, UUID.class)), new CustomerId(rs.getObject(2, UUID.class))))
                .list();
        return holders;
    }

    public void insertHeldAccount(AccountId account, CustomerId holder, String currency) {
        jdbc.sql("INSERT INTO customer_accounts (account_id, customer_id, currency) VALUES (?, ?, ?)")
                .params(account.value(), holder.value(), currency)
                .update();
    }

    /** Makes the account the holder's primary one in its currency, replacing any other. */
    public void makePrimary(AccountId account, CustomerId holder, String currency) {
        jdbc.sql("DELETE FROM primary_accounts WHERE customer_id = ? AND currency = ?")
                .params(holder.value(), currency)
                .update();
        jdbc.sql("INSERT INTO primary_accounts (customer_id, currency, account_id) VALUES (?, ?, ?)")
                .params(holder.value(), currency, account.value())
                .update();
    }

    private static String network(Alias alias) {
        return alias.network() == null ? "" : alias.network().wireName();
    }

    private static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(
                new CustomerId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                Language.fromTag(rs.getString("language")).orElseThrow(),
                KycLevel.fromWireName(rs.getString("kyc_level")).orElseThrow(),
                CustomerStatus.fromWireName(rs.getString("status")).orElseThrow(),
                rs.getString("username"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
