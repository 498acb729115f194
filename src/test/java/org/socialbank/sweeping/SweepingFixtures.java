package org.socialbank.sweeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Customers;
import org.socialbank.sweeping.sandbox.SandboxOpenBanking;

/** Customers with an empty euro wallet and a linked account at the sandbox's "other-bank", through the use cases. */
final class SweepingFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    static final String BANK = "other-bank";

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

    record Person(CustomerId id, AccountId wallet, String externalRef) {}

    Person customer(String name, Language language, long externalBalanceMinor) {
        Customers.Customer customer = new Customers(directory, ledger)
                .named(name)
                .speaking(language)
                .phoneIn("+3361")
                .wallet(EUR.code())
                .create();
        String ref = SandboxOpenBanking.accountRef(BANK, customer.id().value().toString(), "EUR");
        sandbox.setBalance(ref, externalBalanceMinor);
        return new Person(customer.id(), customer.wallet(), ref);
    }

    ConsentId link(Person person, long maxPayment, long maxPeriod, LimitPeriod period, Instant now) {
        return link(person, BANK, person.externalRef(), maxPayment, maxPeriod, period, now);
    }

    /** A second linked account, at {@code bank}, holding {@code externalBalanceMinor}. */
    ConsentId linkAt(Person person, String bank, long externalBalanceMinor, long maxPayment, Instant now) {
        String ref = SandboxOpenBanking.accountRef(bank, person.id().value().toString(), "EUR");
        sandbox.setBalance(ref, externalBalanceMinor);
        return link(person, bank, ref, maxPayment, maxPayment * 10, LimitPeriod.MONTH, now);
    }

    private ConsentId link(
            Person person, String bank, String ref, long maxPayment, long maxPeriod, LimitPeriod period, Instant now) {
        ConsentId id = new ConsentId(UUID.randomUUID());
        LinkResult result = sweeping.link(new ConsentRequest(
                id, person.id(), bank, ref, EUR, maxPayment, maxPeriod, period, now.plus(Duration.ofDays(365))));
        assertThat(result).isInstanceOf(LinkResult.Linked.class);
        return id;
    }

    long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }
}
