package org.socialbank.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.socialbank.demo.DemoCustomer.Wallet;
import org.socialbank.ledger.AccountFlag;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.AccountKind;
import org.socialbank.ledger.TransferId;

/** Who the demo bank's customers are and the fixed ids of everything seeded for them. */
public final class DemoBank {

    /** The bank's own accounts opened in every demo currency. */
    static final List<AccountKind> BANK_KINDS = List.of(AccountKind.BANK_EQUITY, AccountKind.FEES,
            AccountKind.ESCROW, AccountKind.INTERBANK_SETTLEMENT);

    public static final List<String> CURRENCIES = List.of("EUR", "INR", "RUB", "IRR", "CNY");

    public static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer("demo:alice", "Alice Walker", "en",
                    List.of(new Wallet("EUR", 50_000), new Wallet("INR", 2_500_000))),
            new DemoCustomer("demo:camille", "Camille Dubois", "fr",
                    List.of(new Wallet("EUR", 75_000))),
            new DemoCustomer("demo:ivan", "Иван Петров", "ru",
                    List.of(new Wallet("RUB", 3_000_000), new Wallet("EUR", 20_000))),
            new DemoCustomer("demo:sara", "سارا احمدی", "fa",
                    List.of(new Wallet("IRR", 50_000_000))),
            new DemoCustomer("demo:wang", "王芳", "zh",
                    List.of(new Wallet("CNY", 300_000), new Wallet("EUR", 10_000))));

    private DemoBank() {
    }

    public static AccountId bankAccount(AccountKind kind, String currency) {
        return new AccountId(uuid("bank:" + kind.wireName() + ":" + currency));
    }

    public static AccountId wallet(DemoCustomer customer, String currency) {
        return new AccountId(uuid("wallet:" + customer.ownerRef() + ":" + currency));
    }

    static TransferId openingTransfer(DemoCustomer customer, String currency) {
        return new TransferId(uuid("opening:" + customer.ownerRef() + ":" + currency));
    }

    /** Money leaving the bank must never make the bank's equity account go positive for customers. */
    static java.util.Set<AccountFlag> walletFlags() {
        return java.util.Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("socialbank-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
