package org.socialbank.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import org.socialbank.shared.Language;
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

/** Customers with a funded EUR wallet, registered through the directory's and the ledger's own use cases. */
final class PaymentFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final Directory directory;
    private final Ledger ledger;
    private final AccountId funding = new AccountId(UUID.randomUUID());

    PaymentFixtures(Directory directory, Ledger ledger) {
        this.directory = directory;
        this.ledger = ledger;
        ledger.open(new NewAccount(funding, EUR, "test:funding", AccountKind.BANK_EQUITY, Set.of()));
    }

    record Person(CustomerId id, String phone, String tag, AccountId wallet) {
    }

    /** A phone number nobody in this store has: +336 and eight digits. */
    static String freshPhone() {
        int n = NUMBERS.incrementAndGet();
        return "+3361" + String.format("%07d", (Math.abs(UUID.randomUUID().hashCode()) % 9_000 + 1_000) * 1_000 + n % 1_000);
    }

    Person customer(String name, KycLevel kyc, long eurMinor) {
        return customer(name, kyc, eurMinor, true);
    }

    Person customer(String name, KycLevel kyc, long eurMinor, boolean withPhone) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        String phone = withPhone ? freshPhone() : null;
        String tag = "t" + id.value().toString().replace("-", "").substring(0, 12);
        List<CustomerView.AliasEntry> aliases = new java.util.ArrayList<>();
        aliases.add(new CustomerView.AliasEntry(Alias.parse(AliasType.TAG, null, tag, null), true));
        if (withPhone) {
            aliases.add(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true));
        }
        DirectoryResult registered = directory.register(new NewCustomer(id, name, Language.EN, kyc, null, null,
                aliases));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(wallet, EUR, id.ownerRef(), AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        if (eurMinor > 0) {
            TransferResult funded = ledger.transfer(NewTransfer.posted(new TransferId(UUID.randomUUID()), funding,
                    wallet, eurMinor, EUR, "opening"));
            assertThat(funded).isInstanceOf(TransferResult.Posted.class);
        }
        return new Person(id, phone, tag, wallet);
    }

    /** What the account's owner can spend now: money reserved by a pending transfer is not. */
    long balance(AccountId account) {
        return ledger.account(account).orElseThrow().availableMinor();
    }

    static String pay(UUID id, CustomerId payer, String payeeJson, long amountMinor, String channel) {
        return "{\"id\":\"" + id + "\",\"payerCustomerId\":\"" + payer + "\",\"payee\":" + payeeJson
                + ",\"amountMinor\":" + amountMinor + ",\"currency\":\"EUR\",\"channel\":\"" + channel + "\"}";
    }

    static String phone(String number) {
        return "{\"type\":\"phone\",\"value\":\"" + number + "\"}";
    }

    static String tag(String tag) {
        return "{\"type\":\"tag\",\"value\":\"" + tag + "\"}";
    }

    static String email(String address) {
        return "{\"type\":\"email\",\"value\":\"" + address + "\"}";
    }

    static String handle(String network, String handle) {
        return "{\"type\":\"handle\",\"value\":\"" + handle + "\",\"network\":\"" + network + "\"}";
    }
}
