package org.socialbank.demo;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.branches.Branch;
import org.socialbank.branches.Branches;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.directory.CustomerView;
import org.socialbank.directory.Directory;
import org.socialbank.directory.DirectoryResult;
import org.socialbank.directory.KycLevel;
import org.socialbank.directory.NewCustomer;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.DemoMode;
import org.socialbank.shared.Language;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo bank through the ledger's and the directory's own use cases, with fixed ids: on
 * a restart every request is an exact replay and changes nothing.
 */
@Component
class SeedDemoBank implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedDemoBank.class);

    private final Ledger ledger;
    private final Directory directory;
    private final Branches branches;
    private final DemoMode demo;

    SeedDemoBank(Ledger ledger, Directory directory, Branches branches, DemoMode demo) {
        this.ledger = ledger;
        this.directory = directory;
        this.branches = branches;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        int created = 0;
        for (String currency : DemoBank.CURRENCIES) {
            for (AccountKind kind : DemoBank.BANK_KINDS) {
                created += open(new NewAccount(
                        DemoBank.bankAccount(kind, currency), CurrencyCode.of(currency), null, kind, Set.of()));
            }
        }
        for (DemoCustomer customer : DemoBank.CUSTOMERS) {
            created += register(customer);
            for (DemoCustomer.Wallet wallet : customer.wallets()) {
                created += fund(customer, wallet);
            }
        }
        for (Branch branch : DemoBranches.ALL) {
            branches.save(branch); // an upsert: a restart rewrites the same rows
        }
        log.info(
                created == 0
                        ? "Demo bank already seeded; nothing to do"
                        : "Demo bank seeded: {} customers, accounts and opening transfers created",
                created);
    }

    private int register(DemoCustomer c) {
        List<CustomerView.AliasEntry> aliases = List.of(
                new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, c.phone(), null), true),
                new CustomerView.AliasEntry(Alias.parse(AliasType.EMAIL, null, c.email(), null), true),
                new CustomerView.AliasEntry(Alias.parse(AliasType.TAG, null, c.tag(), null), true));
        DirectoryResult result = directory.register(new NewCustomer(
                c.customerId(),
                c.displayName(),
                Language.fromTag(c.language()).orElseThrow(),
                KycLevel.FULL,
                c.username(),
                c.password(),
                aliases));
        return check(result, c.key());
    }

    private int fund(DemoCustomer customer, DemoCustomer.Wallet wallet) {
        CurrencyCode currency = CurrencyCode.of(wallet.currency());
        int created = open(new NewAccount(
                DemoBank.wallet(customer, wallet.currency()),
                currency,
                customer.customerId().ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                DemoBank.walletFlags()));
        created += check(
                directory.holdAccount(customer.customerId(), DemoBank.wallet(customer, wallet.currency()), true),
                customer.key());
        TransferResult funded = ledger.transfer(NewTransfer.posted(
                DemoBank.openingTransfer(customer, wallet.currency()),
                DemoBank.bankAccount(AccountKind.BANK_EQUITY, wallet.currency()),
                DemoBank.wallet(customer, wallet.currency()),
                wallet.openingMinor(),
                currency,
                "opening"));
        if (!(funded instanceof TransferResult.Posted posted)) {
            throw new IllegalStateException("Demo bank: funding " + customer.key() + " was rejected: "
                    + ((TransferResult.Rejected) funded).code().code());
        }
        return created + (posted.replayed() ? 0 : 1);
    }

    private int open(NewAccount account) {
        OpenResult result = ledger.open(account);
        if (result instanceof OpenResult.Opened opened) {
            return opened.replayed() ? 0 : 1;
        }
        throw new IllegalStateException("Demo bank: account " + account.id() + " conflicts with an " + "existing one: "
                + ((OpenResult.Rejected) result).code().code());
    }

    private static int check(DirectoryResult result, String who) {
        if (result instanceof DirectoryResult.Done done) {
            return done.replayed() ? 0 : 1;
        }
        throw new IllegalStateException("Demo bank: " + who + " conflicts with existing data: "
                + ((DirectoryResult.Refused) result).code().code());
    }
}
