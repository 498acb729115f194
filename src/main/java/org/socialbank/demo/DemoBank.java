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
    static final List<AccountKind> BANK_KINDS =
            List.of(AccountKind.BANK_EQUITY, AccountKind.FEES, AccountKind.ESCROW, AccountKind.INTERBANK_SETTLEMENT);

    public static final List<String> CURRENCIES = List.of("EUR", "INR", "RUB", "IRR", "CNY");

    public static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer(
                    "alice",
                    "Alice Walker",
                    "en",
                    "alice",
                    "alice-demo-2026",
                    "+919876543210",
                    "alice@example.com",
                    "alice",
                    List.of(new Wallet("EUR", 50_000), new Wallet("INR", 2_500_000))),
            new DemoCustomer(
                    "camille",
                    "Camille Dubois",
                    "fr",
                    "camille",
                    "camille-demo-2026",
                    "+33612345678",
                    "camille@example.fr",
                    "camille",
                    List.of(new Wallet("EUR", 75_000))),
            new DemoCustomer(
                    "ivan",
                    "Иван Петров",
                    "ru",
                    "ivan",
                    "ivan-demo-2026",
                    "+79123456789",
                    "ivan@example.ru",
                    "ivan",
                    List.of(new Wallet("RUB", 3_000_000), new Wallet("EUR", 20_000))),
            new DemoCustomer(
                    "sara",
                    "سارا احمدی",
                    "fa",
                    "sara",
                    "sara-demo-2026",
                    "+989123456789",
                    "sara@example.ir",
                    "sara",
                    List.of(new Wallet("IRR", 50_000_000))),
            new DemoCustomer(
                    "wang",
                    "王芳",
                    "zh",
                    "wang",
                    "wang-demo-2026",
                    "+8613800138000",
                    "wang@example.cn",
                    "wangfang",
                    List.of(new Wallet("CNY", 300_000), new Wallet("EUR", 10_000))));

    private DemoBank() {}

    public static AccountId bankAccount(AccountKind kind, String currency) {
        return new AccountId(uuid("bank:" + kind.wireName() + ":" + currency));
    }

    public static AccountId wallet(DemoCustomer customer, String currency) {
        return new AccountId(uuid("wallet:" + customer.key() + ":" + currency));
    }

    static TransferId openingTransfer(DemoCustomer customer, String currency) {
        return new TransferId(uuid("opening:" + customer.key() + ":" + currency));
    }

    /** A customer's wallet never goes below zero. */
    static java.util.Set<AccountFlag> walletFlags() {
        return java.util.Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("socialbank-demo:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
