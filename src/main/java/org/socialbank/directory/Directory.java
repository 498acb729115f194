package org.socialbank.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.DirectoryResult.Code;
import org.socialbank.directory.DirectoryResult.Done;
import org.socialbank.directory.DirectoryResult.Refused;
import org.socialbank.directory.jdbc.JdbcDirectory;
import org.socialbank.ledger.Account;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.Language;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;

/**
 * The directory's use cases. Writes are idempotent by customer id; a refused write changes
 * nothing (its transaction is rolled back).
 */
@Service
public class Directory {

    private final JdbcDirectory store;
    private final Ledger ledger;
    private final PasswordEncoder passwords;
    private final DurableTransactions writes;
    private final Clock clock;
    private final org.socialbank.directory.jdbc.JdbcCustomerSettings settings;
    private final HandleAliases handles;

    Directory(
            JdbcDirectory store,
            Ledger ledger,
            PasswordEncoder passwords,
            DurableTransactions writes,
            Clock clock,
            org.socialbank.directory.jdbc.JdbcCustomerSettings settings,
            HandleAliases handles) {
        this.settings = settings;
        this.handles = handles;
        this.store = store;
        this.ledger = ledger;
        this.passwords = passwords;
        this.writes = writes;
        this.clock = clock;
    }

    /** {@link #register(NewCustomer, DirectoryActor)} by the bank itself (a claim, a seed). */
    public DirectoryResult register(NewCustomer request) {
        return register(request, DirectoryActor.SYSTEM);
    }

    /**
     * Registers a customer with their aliases, each added to the alias audit as {@code who}'s; a
     * verified alias takes the place of an unverified one held by someone else ({@link #addAlias}).
     */
    public DirectoryResult register(NewCustomer request, DirectoryActor who) {
        return write(status -> {
            Optional<Customer> existing = store.findCustomer(request.id());
            if (existing.isPresent()) {
                return request.sameAs(existing.get())
                        ? new Done(view(existing.get()), true)
                        : new Refused(Code.ID_EXISTS_WITH_DIFFERENT_FIELDS);
            }
            if (request.username() != null
                    && store.findByUsername(request.username()).isPresent()) {
                return new Refused(Code.USERNAME_TAKEN);
            }
            Customer customer = new Customer(
                    request.id(),
                    request.displayName().strip(),
                    request.language(),
                    request.kycLevel(),
                    CustomerStatus.ACTIVE,
                    request.username(),
                    Microseconds.now(clock));
            store.insertCustomer(customer, request.password() == null ? null : passwords.encode(request.password()));
            for (CustomerView.AliasEntry entry : request.aliases()) {
                if (!place(entry.alias(), customer.id(), entry.verified(), who)) {
                    status.setRollbackOnly();
                    return new Refused(Code.ALIAS_TAKEN);
                }
            }
            return new Done(view(customer), false);
        });
    }

    /** {@link #addAlias(CustomerId, Alias, boolean, DirectoryActor)} by the bank itself. */
    public DirectoryResult addAlias(CustomerId id, Alias alias, boolean verified) {
        return addAlias(id, alias, verified, DirectoryActor.SYSTEM);
    }

    /**
     * Adds an alias, audited as {@code who}'s; adding one the customer already holds is a replay,
     * except that a verified mark is recorded (it never goes back to unverified this way). A
     * verified alias takes the place of an unverified one held by someone else: nobody proved that
     * one, and it receives no money ({@link #resolve}).
     */
    public DirectoryResult addAlias(CustomerId id, Alias alias, boolean verified, DirectoryActor who) {
        return write(status -> {
            Optional<Customer> customer = store.findCustomer(id);
            if (customer.isEmpty()) {
                return new Refused(Code.CUSTOMER_NOT_FOUND);
            }
            Optional<JdbcDirectory.Held> held = store.held(alias);
            if (held.isPresent() && held.get().customerId().equals(id)) {
                boolean raise = verified && !held.get().verified();
                if (raise) {
                    store.markVerified(alias);
                    audit(
                            "verified",
                            new JdbcDirectory.Held(alias, id, true, held.get().externalId()),
                            who,
                            null);
                }
                return new Done(view(customer.get()), !raise);
            }
            return place(alias, id, verified, who)
                    ? new Done(view(customer.get()), false)
                    : new Refused(Code.ALIAS_TAKEN);
        });
    }

    /**
     * Gives the customer the alias unless another customer holds it: a verified alias replaces an
     * unverified one (both audited). False when it is taken.
     */
    private boolean place(Alias alias, CustomerId id, boolean verified, DirectoryActor who) {
        Optional<JdbcDirectory.Held> held = store.held(alias);
        if (held.isPresent()) {
            if (!verified || held.get().verified()) {
                return false;
            }
            store.deleteAlias(alias);
            audit("replaced", held.get(), who, "verified_by_another");
        }
        store.insertAlias(alias, id, verified, Microseconds.now(clock));
        audit("added", new JdbcDirectory.Held(alias, id, verified, null), who, null);
        return true;
    }

    /**
     * Staff take an alias from a customer (a handle the customer no longer holds, a number given
     * up), audited with their reason; {@code alias_not_held} when the customer does not hold it.
     */
    public DirectoryResult releaseAlias(CustomerId id, Alias alias, DirectoryActor who, String reason) {
        return write(status -> {
            Optional<Customer> customer = store.findCustomer(id);
            if (customer.isEmpty()) {
                return new Refused(Code.CUSTOMER_NOT_FOUND);
            }
            Optional<JdbcDirectory.Held> held =
                    store.held(alias).filter(h -> h.customerId().equals(id));
            if (held.isEmpty()) {
                return new Refused(Code.ALIAS_NOT_HELD);
            }
            handles.release(held.get(), who, reason);
            return new Done(view(customer.get()), false);
        });
    }

    /**
     * The account that proved a claimed handle, by the network's fixed id: the alias goes when the
     * bank sees that account renamed or another account with the handle ({@link HandleAliases}).
     * In the caller's transaction, after the customer got the alias.
     */
    public void bindHandle(CustomerId id, Alias handle, String externalId) {
        if (handle.type() != AliasType.HANDLE || externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("a handle alias is bound to an account id");
        }
        store.bindHolder(handle, id, externalId);
    }

    /**
     * What the handle's network answered for it just now (X's users lookup), before a payment to
     * it resolves: an alias proved by another account, or by none the network knows, is released.
     *
     * @param holderId the account that holds the handle now; empty when the network has no such account
     */
    public void handleHeld(Alias handle, Optional<String> holderId) {
        write(status -> {
            if (holderId.isPresent()) {
                handles.heldNowBy(handle, holderId.get());
            } else {
                handles.heldByNobody(handle);
            }
            return null;
        });
    }

    /** The alias audit of one alias, oldest first (at most 100 rows). */
    public List<AliasChange> aliasAudit(Alias alias) {
        return store.auditOf(alias, 100);
    }

    private void audit(String action, JdbcDirectory.Held held, DirectoryActor who, String reason) {
        store.audit(Microseconds.now(clock), action, held, who.client(), who.clientName(), reason);
    }

    /** Records that the customer holds a ledger account, optionally as the primary one of its currency. */
    public DirectoryResult holdAccount(CustomerId id, AccountId accountId, boolean primary) {
        return write(status -> {
            Optional<Customer> customer = store.findCustomer(id);
            if (customer.isEmpty()) {
                return new Refused(Code.CUSTOMER_NOT_FOUND);
            }
            Optional<Account> account = ledger.account(accountId);
            if (account.isEmpty()) {
                return new Refused(Code.ACCOUNT_NOT_FOUND);
            }
            Optional<CustomerId> holder = store.accountHolder(accountId);
            if (holder.isPresent() && !holder.get().equals(id)) {
                return new Refused(Code.ACCOUNT_HELD_BY_ANOTHER);
            }
            String currency = account.get().currency().code();
            boolean alreadyPrimary =
                    store.accountsOf(id).stream().anyMatch(a -> a.accountId().equals(accountId) && a.primary());
            if (holder.isPresent() && (alreadyPrimary || !primary)) {
                return new Done(view(customer.get()), true);
            }
            if (holder.isEmpty()) {
                store.insertHeldAccount(accountId, id, currency);
            }
            if (primary) {
                store.makePrimary(accountId, id, currency);
            }
            return new Done(view(customer.get()), false);
        });
    }

    public Optional<CustomerView> customer(CustomerId id) {
        return store.findCustomer(id).map(this::view);
    }

    /**
     * The customer alone, without aliases and accounts: one read instead of three, for a name, a
     * language or a status (issue 22: the chat path asks this several times per message).
     */
    public Optional<Customer> find(CustomerId id) {
        return store.findCustomer(id);
    }

    /**
     * The customers named, in the order given (each once; those not found left out), with their
     * aliases but no accounts: two reads whatever their number (issue 22: a payer's recent payees).
     * At most {@link #NAMED_MAX} ids.
     */
    public List<Named> named(List<CustomerId> ids) {
        if (ids.size() > NAMED_MAX) {
            throw new IllegalArgumentException("at most " + NAMED_MAX + " customers at once, not " + ids.size());
        }
        java.util.Map<CustomerId, Customer> found = new java.util.HashMap<>();
        store.findCustomers(ids).forEach(c -> found.put(c.id(), c));
        java.util.Map<CustomerId, List<CustomerView.AliasEntry>> aliases = store.aliasesOf(found.keySet());
        return ids.stream()
                .distinct()
                .filter(found::containsKey)
                .map(id -> new Named(found.get(id), aliases.getOrDefault(id, List.of())))
                .toList();
    }

    /** The most customers {@link #named} reads at once. */
    public static final int NAMED_MAX = 100;

    /** A customer and their aliases, as {@link #named} reads them. */
    public record Named(Customer customer, List<CustomerView.AliasEntry> aliases) {

        public Named {
            aliases = List.copyOf(aliases);
        }
    }

    public List<CustomerView> customers(Optional<CustomerId> after, int limit) {
        return store.customers(after, limit).stream().map(this::view).toList();
    }

    /**
     * Who an alias belongs to, as a payer may see it; empty when it is nobody's here or nobody
     * proved it (an unverified alias receives no money: review 2026-12-07 alias follow-up).
     */
    public Optional<AliasMatch> resolve(Alias alias) {
        return store.aliasCustomer(alias) // one read (issue 22)
                .filter(c -> c.status() == CustomerStatus.ACTIVE)
                .map(c -> new AliasMatch(c.id(), MaskedName.of(c.displayName())));
    }

    /**
     * The customer's phone on file: a verified phone alias, the only kind a one-time code is sent
     * to (security review #18). An unverified phone is nobody's proof: empty then.
     */
    public Optional<Alias> phoneOnFile(CustomerId id) {
        return store.aliasesOf(id).stream()
                .filter(e -> e.alias().type() == AliasType.PHONE && e.verified())
                .map(CustomerView.AliasEntry::alias)
                .findFirst();
    }

    /** The accounts the customer holds (the primary ones flagged), in one read. */
    public List<CustomerView.HeldAccount> accounts(CustomerId id) {
        return store.accountsOf(id);
    }

    /** The customer's primary account in a currency, if any. */
    public Optional<AccountId> primaryAccount(CustomerId id, String currency) {
        return store.accountsOf(id).stream()
                .filter(a -> a.primary() && a.currency().equals(currency))
                .map(CustomerView.HeldAccount::accountId)
                .findFirst();
    }

    /** The customer who holds a ledger account, if one does (transaction alerts, issue 17). */
    public Optional<CustomerId> holder(AccountId account) {
        return store.accountHolder(account);
    }

    /**
     * {@link #holder} of many accounts in one look-up (a journal follower's page of postings); an
     * account no customer holds is not in the map. At most 1,000 accounts.
     */
    public java.util.Map<AccountId, CustomerId> holders(java.util.Collection<AccountId> accounts) {
        return store.accountHolders(accounts);
    }

    /** Issue 13: the customer's one language and zone, read by every chat and page. */
    public Optional<CustomerSettings> settings(CustomerId id) {
        return settings.find(id)
                .map(row -> new CustomerSettings(
                        id, row.language(), row.zone() == null ? null : java.time.ZoneId.of(row.zone())));
    }

    /**
     * The customer reads {@code language} from now on, in every chat and on every page (chosen in
     * a chat with "language fa" or on a page's language bar); true when it changed.
     */
    public boolean chooseLanguage(CustomerId id, Language language) {
        return settings.language(id, java.util.Objects.requireNonNull(language, "language"));
    }

    /**
     * The customer's dates and times are in {@code zone} from now on; false when it names no place
     * (UTC, an offset: {@link org.socialbank.shared.CustomerTime#choosable}) or did not change.
     */
    public boolean chooseZone(CustomerId id, java.time.ZoneId zone) {
        return org.socialbank.shared.CustomerTime.choosable(zone) && settings.zone(id, zone);
    }

    /**
     * Issue 13 (a wallet opened from a claim is no dead end): a customer without a login chooses
     * one, once, so that she can sign in and link a chat. Refused {@code username_taken} when
     * another customer has that name; a customer who has a login already keeps it (a replay).
     *
     * @throws IllegalArgumentException when the name or password breaks {@link NewCustomer#signInProblem}
     */
    public DirectoryResult chooseSignIn(CustomerId id, String username, String password) {
        NewCustomer.signInProblem(username, password).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return write(status -> {
            Optional<Customer> customer = store.findCustomer(id);
            if (customer.isEmpty()) {
                return new Refused(Code.CUSTOMER_NOT_FOUND);
            }
            if (customer.get().username() != null) {
                return new Done(view(customer.get()), true);
            }
            if (store.findByUsername(username).isPresent()) {
                return new Refused(Code.USERNAME_TAKEN);
            }
            try {
                settings.signIn(id, username, passwords.encode(password));
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                status.setRollbackOnly();
                return new Refused(Code.USERNAME_TAKEN);
            }
            return new Done(view(store.findCustomer(id).orElseThrow()), false);
        });
    }

    private CustomerView view(Customer customer) {
        return new CustomerView(customer, store.aliasesOf(customer.id()), store.accountsOf(customer.id()));
    }

    private DirectoryResult write(java.util.function.Function<TransactionStatus, DirectoryResult> work) {
        return writes.write(work);
    }
}
