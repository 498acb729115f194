package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.socialbank.shared.CurrencyCode;
import org.socialbank.sweeping.sandbox.SandboxOpenBanking;

/** Customers with an empty euro wallet and a linked account at the sandbox's "other-bank", through the use cases. */
final class SweepingFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final String BANK = "other-bank";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final Directory directory;
    private final Ledger ledger;
    private final Sweeping sweeping;
    private final SandboxOpenBanking sandbox;

    SweepingFixtures(Directory directory, Ledger ledger, Sweeping sweeping, SandboxOpenBanking sandbox) {
        this.directory = directory;
        this.ledger = ledger;
        this.sweeping = sweeping;
        this.sandbox = sandbox;
    }

    record Person(CustomerId id, AccountId wallet, String externalRef) {
    }

    Person customer(String name, Language language, long externalBalanceMinor) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        String phone = "+3361" + String.format("%07d", (Math.abs(UUID.randomUUID().hashCode()) % 9_000 + 1_000) * 1_000
                + NUMBERS.incrementAndGet() % 1_000);
        DirectoryResult registered = directory.register(new NewCustomer(id, name, language, KycLevel.FULL, null, null,
                List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true))));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(wallet, EUR, id.ownerRef(), AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        String ref = SandboxOpenBanking.accountRef(BANK, id.value().toString(), "EUR");
        sandbox.setBalance(ref, externalBalanceMinor);
        return new Person(id, wallet, ref);
    }

    ConsentId link(Person person, long maxPayment, long maxPeriod, LimitPeriod period, Instant now) {
        ConsentId id = new ConsentId(UUID.randomUUID());
        LinkResult result = sweeping.link(new ConsentRequest(id, person.id(), BANK, person.externalRef(), EUR,
                maxPayment, maxPeriod, period, now.plus(Duration.ofDays(365))));
        assertThat(result).isInstanceOf(LinkResult.Linked.class);
        return id;
    }

    long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }
}
