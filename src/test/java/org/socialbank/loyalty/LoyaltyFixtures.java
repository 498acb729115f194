package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardFeed;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.Cards;
import org.socialbank.cards.FeedKind;
import org.socialbank.cards.FeedResult;
import org.socialbank.cards.FeedTransaction;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.Ledger;
import org.socialbank.ledger.NewTransfer;
import org.socialbank.ledger.TransferId;
import org.socialbank.ledger.TransferResult;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.support.Customers;

/** Customers with a funded account, a debit and a credit card, through the modules' own use cases. */
final class LoyaltyFixtures {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private final Directory directory;
    private final Ledger ledger;
    private final Cards cards;
    private final CardFeed feed;
    private final Clock clock;
    private final Customers customers;

    LoyaltyFixtures(Directory directory, Ledger ledger, Cards cards, CardFeed feed, Clock clock) {
        this.directory = directory;
        this.ledger = ledger;
        this.cards = cards;
        this.feed = feed;
        this.clock = clock;
        this.customers = new Customers(directory, ledger);
    }

    record Member(CustomerId id, String phone, AccountId wallet, Card debit, Card credit) {}

    /** A customer with 1,000.00 EUR, a debit card and (when {@code credit}) a credit card of 5,000.00. */
    Member member(Language language, boolean credit) {
        Customers.Customer customer = customers
                .named("Points Member")
                .speaking(language)
                .phoneIn("+3366")
                .wallet(EUR.code(), 100_000)
                .create();
        CustomerId id = customer.id();
        Card debit = issued(cards.issueDebit(new CardId(UUID.randomUUID()), id, customer.wallet()));
        Card creditCard =
                credit ? issued(cards.issueCredit(new CardId(UUID.randomUUID()), id, EUR, 500_000, 10)) : null;
        return new Member(id, customer.phone(), customer.wallet(), debit, creditCard);
    }

    /** A purchase with the card, booked by the card feed. */
    void buy(Card card, long amountMinor) {
        book(card, FeedKind.PURCHASE, amountMinor);
    }

    /** A refund to the card, booked by the card feed. */
    void refund(Card card, long amountMinor) {
        book(card, FeedKind.REFUND, amountMinor);
    }

    /** Cash taken with the card at an ATM, booked by the card feed. */
    void withdraw(Card card, long amountMinor) {
        book(card, FeedKind.CASH_WITHDRAWAL, amountMinor);
    }

    private void book(Card card, FeedKind kind, long amountMinor) {
        FeedResult result = feed.book(new FeedTransaction(
                UUID.randomUUID(), card.id(), kind, amountMinor, card.currency(), LocalDate.now(clock), "Points Shop"));
        assertThat(result).isInstanceOf(FeedResult.Booked.class);
    }

    /** A p2p transfer from one member's wallet to another's, as the payments module books it. */
    void pay(Member from, Member to, long amountMinor) {
        assertThat(ledger.transfer(NewTransfer.posted(
                        new TransferId(UUID.randomUUID()), from.wallet(), to.wallet(), amountMinor, EUR, "p2p")))
                .isInstanceOf(TransferResult.Posted.class);
    }

    static Card issued(CardResult result) {
        assertThat(result).isInstanceOf(CardResult.Done.class);
        return ((CardResult.Done) result).card();
    }
}
