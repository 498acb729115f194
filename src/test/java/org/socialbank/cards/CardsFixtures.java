package org.socialbank.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
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

/** A customer with a funded euro account and cards, through the modules' own use cases. */
final class CardsFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private final Directory directory;
    private final Ledger ledger;
    private final Cards cards;
    private final AccountId funding = new AccountId(UUID.randomUUID());

    CardsFixtures(Directory directory, Ledger ledger, Cards cards) {
        this.directory = directory;
        this.ledger = ledger;
        this.cards = cards;
        ledger.open(new NewAccount(funding, EUR, "test:funding", AccountKind.BANK_EQUITY, Set.of()));
    }

    record Holder(CustomerId id, AccountId wallet, Card debit, Card credit) {}

    /** A customer with {@code euroMinor} in a euro account, a debit card on it and a credit card. */
    Holder holder(long euroMinor, long limitMinor, int statementDay) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        DirectoryResult registered = directory.register(
                new NewCustomer(id, "Card Holder", Language.EN, KycLevel.FULL, null, null, List.of()));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(
                wallet,
                EUR,
                id.ownerRef(),
                AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        if (euroMinor > 0) {
            assertThat(ledger.transfer(NewTransfer.posted(
                            new TransferId(UUID.randomUUID()), funding, wallet, euroMinor, EUR, "opening")))
                    .isInstanceOf(TransferResult.Posted.class);
        }
        Card debit = issued(cards.issueDebit(new CardId(UUID.randomUUID()), id, wallet));
        Card credit = issued(cards.issueCredit(new CardId(UUID.randomUUID()), id, EUR, limitMinor, statementDay));
        return new Holder(id, wallet, debit, credit);
    }

    static Card issued(CardResult result) {
        assertThat(result).isInstanceOf(CardResult.Done.class);
        return ((CardResult.Done) result).card();
    }

    static FeedTransaction purchase(Card card, long amountMinor, java.time.LocalDate on) {
        return new FeedTransaction(
                UUID.randomUUID(), card.id(), FeedKind.PURCHASE, amountMinor, card.currency(), on, "Test Shop");
    }

    long balance(AccountId account) {
        return ledger.account(account).orElseThrow().balanceMinor();
    }
}
