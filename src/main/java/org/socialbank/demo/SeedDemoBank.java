package org.socialbank.demo;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewAccount;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.OpenResult;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo bank through the ledger's own use cases, with fixed ids: on a restart every
 * request is an exact replay and changes nothing.
 */
@Component
class SeedDemoBank implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedDemoBank.class);

    private final Ledger ledger;
    private final DemoMode demo;

    SeedDemoBank(Ledger ledger, DemoMode demo) {
        this.ledger = ledger;
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
                created += open(new NewAccount(DemoBank.bankAccount(kind, currency),
                        CurrencyCode.of(currency), null, kind, Set.of()));
            }
        }
        for (DemoCustomer customer : DemoBank.CUSTOMERS) {
            created += seed(customer);
        }
        log.info(created == 0 ? "Demo bank already seeded; nothing to do"
                : "Demo bank seeded: {} accounts and opening transfers created", created);
    }

    private int seed(DemoCustomer customer) {
        int created = 0;
        for (DemoCustomer.Wallet wallet : customer.wallets()) {
            CurrencyCode currency = CurrencyCode.of(wallet.currency());
            created += open(new NewAccount(DemoBank.wallet(customer, wallet.currency()), currency,
                    customer.ownerRef(), AccountKind.CUSTOMER_WALLET, DemoBank.walletFlags()));
            TransferResult funded = ledger.transfer(NewTransfer.posted(
                    DemoBank.openingTransfer(customer, wallet.currency()),
                    DemoBank.bankAccount(AccountKind.BANK_EQUITY, wallet.currency()),
                    DemoBank.wallet(customer, wallet.currency()), wallet.openingMinor(), currency,
                    "opening"));
            if (!(funded instanceof TransferResult.Posted posted)) {
                throw new IllegalStateException("Demo bank: funding " + customer.ownerRef()
                        + " was rejected: " + ((TransferResult.Rejected) funded).code().code());
            }
            created += posted.replayed() ? 0 : 1;
        }
        return created;
    }

    private int open(NewAccount account) {
        OpenResult result = ledger.open(account);
        if (result instanceof OpenResult.Opened opened) {
            return opened.replayed() ? 0 : 1;
        }
        throw new IllegalStateException("Demo bank: account " + account.id() + " conflicts with an "
                + "existing one: " + ((OpenResult.Rejected) result).code().code());
    }
}
