package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardFeed;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.cards.FeedKind;
import org.socialbank.cards.FeedResult;
import org.socialbank.cards.FeedTransaction;
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

/** Customers with a funded account, a debit and a credit card, through the modules' own use cases. */
final class LoyaltyFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final Directory directory;
    private final Ledger ledger;
    private final Cards cards;
    private final CardFeed feed;
    private final Clock clock;
    private final AccountId funding = new AccountId(UUID.randomUUID());

    LoyaltyFixtures(Directory directory, Ledger ledger, Cards cards, CardFeed feed, Clock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.cards = cards;
        this.feed = feed;
        this.clock = clock;
        ledger.open(new NewAccount(funding, EUR, "test:funding", AccountKind.BANK_EQUITY, Set.of()));
    }

    record Member(CustomerId id, String phone, AccountId wallet, Card debit, Card credit) {
    }

    /** A customer with 1,000.00 EUR, a debit card and (when {@code credit}) a credit card of 5,000.00. */
    Member member(Language language, boolean credit) {
        CustomerId id = new CustomerId(UUID.randomUUID());
        String phone = "+3366" + String.format("%07d", (Math.abs(UUID.randomUUID().hashCode()) % 9_000 + 1_000) * 1_000
                + NUMBERS.incrementAndGet() % 1_000);
        DirectoryResult registered = directory.register(new NewCustomer(id, "Points Member", language, KycLevel.FULL,
                null, null, List.of(new CustomerView.AliasEntry(Alias.parse(AliasType.PHONE, null, phone, null), true))));
        assertThat(registered).isInstanceOf(DirectoryResult.Done.class);
        AccountId wallet = new AccountId(UUID.randomUUID());
        ledger.open(new NewAccount(wallet, EUR, id.ownerRef(), AccountKind.CUSTOMER_WALLET,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)));
        assertThat(directory.holdAccount(id, wallet, true)).isInstanceOf(DirectoryResult.Done.class);
        assertThat(ledger.transfer(NewTransfer.posted(new TransferId(UUID.randomUUID()), funding, wallet, 100_000, EUR,
                "opening"))).isInstanceOf(TransferResult.Posted.class);
        Card debit = issued(cards.issueDebit(new CardId(UUID.randomUUID()), id, wallet));
        Card creditCard = credit ? issued(cards.issueCredit(new CardId(UUID.randomUUID()), id, EUR, 500_000, 10)) : null;
        return new Member(id, phone, wallet, debit, creditCard);
    }

    /** A purchase with the card, booked by the card feed. */
    void buy(Card card, long amountMinor) {
        FeedResult result = feed.book(new FeedTransaction(UUID.randomUUID(), card.id(), FeedKind.PURCHASE, amountMinor,
                card.currency(), LocalDate.now(clock), "Points Shop"));
        assertThat(result).isInstanceOf(FeedResult.Booked.class);
    }

    /** A refund to the card, booked by the card feed. */
    void refund(Card card, long amountMinor) {
        FeedResult result = feed.book(new FeedTransaction(UUID.randomUUID(), card.id(), FeedKind.REFUND, amountMinor,
                card.currency(), LocalDate.now(clock), "Points Shop"));
        assertThat(result).isInstanceOf(FeedResult.Booked.class);
    }

    /** A p2p transfer from one member's wallet to another's, as the payments module books it. */
    void pay(Member from, Member to, long amountMinor) {
        assertThat(ledger.transfer(NewTransfer.posted(new TransferId(UUID.randomUUID()), from.wallet(), to.wallet(),
                amountMinor, EUR, "p2p"))).isInstanceOf(TransferResult.Posted.class);
    }

    static Card issued(CardResult result) {
        assertThat(result).isInstanceOf(CardResult.Done.class);
        return ((CardResult.Done) result).card();
    }
}
