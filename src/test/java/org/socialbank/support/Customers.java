package org.socialbank.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/**
 * Customers for tests in one fluent call, registered through the directory's and the ledger's own
 * use cases (never straight into tables):
 * {@code customers.named("Ada").speaking(Language.FR).phoneIn("+3365").wallet("EUR", 10_000).linkedChat().create()}.
 * Every test class keeps its own phone range ({@link #freshPhone}), so numbers stay apart.
 */
public final class Customers {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final Directory directory;
    private final Ledger ledger;
    private final Chats chats;
    private final Map<String, AccountId> funding = new java.util.concurrent.ConcurrentHashMap<>();

    /** Customers without chats: {@link Builder#linkedChat()} is refused. */
    public Customers(Directory directory, Ledger ledger) {
        this(directory, ledger, null);
    }

    public Customers(Directory directory, Ledger ledger, Chats chats) {
        this.directory = directory;
        this.ledger = ledger;
        this.chats = chats;
    }

    /** A customer as created: what a test reads back. {@code phone}, {@code tag}, {@code wallet}, {@code chat} may be null. */
    public record Customer(CustomerId id, String name, String phone, String tag, AccountId wallet, String chat) {}

    /**
     * A valid French mobile number in the range {@code prefix} ("+33" and two digits, e.g.
     * "+3365"), different from the ones drawn before in this run.
     */
    public static String freshPhone(String prefix) {
        if (!prefix.matches("\\+33[67]\\d")) {
            throw new IllegalArgumentException("a French mobile range like +3365, not " + prefix);
        }
        return prefix
                + String.format(
                        "%07d",
                        (Math.abs(UUID.randomUUID().hashCode()) % 9_000 + 1_000) * 1_000
                                + NUMBERS.incrementAndGet() % 1_000);
    }

    /**
     * Opens an empty wallet for the customer in the ledger and records in the directory that she
     * holds it, as her primary one of the currency or not.
     */
    public AccountId account(CustomerId id, CurrencyCode currency, boolean primary) {
        AccountId account = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                account,
                currency,
                id.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, account, primary)).isInstanceOf(DirectoryResult.Done.class);
        return account;
    }

    /** Starts a customer with this display name: English, full KYC, no alias, no account. */
    public Builder named(String name) {
        return new Builder(name);
    }

    /** What a customer gets; {@link #create()} registers them. */
    public final class Builder {

        private final String name;
        private Language language = Language.EN;
        private KycLevel kyc = KycLevel.FULL;
        private String phone;
        private String tag;
        private CurrencyCode currency;
        private long fundedMinor;
        private boolean chat;
        private Duration linkedAgo = Duration.ZERO;
        private String username;
        private String password;

        private Builder(String name) {
            this.name = name;
        }

        public Builder speaking(Language language) {
            this.language = language;
            return this;
        }

        public Builder kyc(KycLevel kyc) {
            this.kyc = kyc;
            return this;
        }

        /** A fresh phone alias in the test class's range (see {@link Customers#freshPhone}). */
        public Builder phoneIn(String prefix) {
            return phone(freshPhone(prefix));
        }

        public Builder phone(String e164) {
            this.phone = e164;
            return this;
        }

        /** A user name and password, to sign in on the bank's pages (e.g. linking the web chat). */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** A $tag alias. */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** A wallet that may not go negative, in the directory as the customer's primary account. */
        public Builder wallet(String currency) {
            return wallet(currency, 0);
        }

        /** A wallet funded with {@code minor} from the bank's test equity account of that currency. */
        public Builder wallet(String currency, long minor) {
            this.currency = CurrencyCode.of(currency);
            this.fundedMinor = minor;
            return this;
        }

        /** A Telegram chat linked to the customer now (needs {@link Chats}). */
        public Builder linkedChat() {
            return linkedChat(Duration.ZERO);
        }

        /**
         * A Telegram chat the customer linked {@code ago} before now (needs {@link Chats}): e.g. past
         * the risk policy's new-chat window (security review #4).
         */
        public Builder linkedChat(Duration ago) {
            if (chats == null) {
                throw new IllegalStateException("new Customers(directory, ledger, chats) for linked chats");
            }
            this.chat = true;
            this.linkedAgo = ago;
            return this;
        }

        public Customer create() {
            CustomerId id = new CustomerId(UUID.randomUUID());
            List<CustomerView.AliasEntry> aliases = new ArrayList<>();
            if (tag != null) {
                aliases.add(new CustomerView.AliasEntry(Alias.parse(AliasType.TAG, null, tag, null), true));
            }
            if (phone != null) {
                aliases.add(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true));
            }
            assertThat(directory.register(new NewCustomer(id, name, language, kyc, username, password, aliases)))
                    .isInstanceOf(DirectoryResult.Done.class);
            AccountId wallet = currency == null ? null : openWallet(id);
            String linked = chat ? chats.linkedTo(id, linkedAgo) : null;
            return new Customer(id, name, phone, tag, wallet, linked);
        }

        private AccountId openWallet(CustomerId id) {
            AccountId wallet = account(id, currency, true);
            if (fundedMinor > 0) {
                TransferResult funded = ledger.transfer(NewTransfer.posted(
                        new TransferId(UUID.randomUUID()),
                        funding(currency),
                        wallet,
                        fundedMinor,
                        currency,
                        "opening"));
                assertThat(funded).isInstanceOf(TransferResult.Posted.class);
            }
            return wallet;
        }
    }

    /** The bank's test equity account of a currency, opened the first time it is needed. */
    public AccountId funding(CurrencyCode currency) {
        return funding.computeIfAbsent(currency.code(), c -> {
            AccountId account = new AccountId(UUID.randomUUID());
            ledger.open(new NewAccount(account, currency, "test:funding", AccountKind.BANK_EQUITY, Set.of()));
            return account;
        });
    }
}
