package org.socialbank.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.random.RandomGenerator;
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

    /** A purchase with the card, booked by the card feed; answers the processor's id of it. */
    UUID buy(Card card, long amountMinor) {
        return book(card, FeedKind.PURCHASE, amountMinor, null);
    }

    /** A refund to the card, booked by the card feed. */
    void refund(Card card, long amountMinor) {
        book(card, FeedKind.REFUND, amountMinor, null);
    }

    /** A refund to the card of (part of) the purchase {@code purchase}, booked by the card feed. */
    UUID refund(Card card, long amountMinor, UUID purchase) {
        return book(card, FeedKind.REFUND, amountMinor, purchase);
    }

    /** Cash taken with the card at an ATM, booked by the card feed. */
    void withdraw(Card card, long amountMinor) {
        book(card, FeedKind.CASH_WITHDRAWAL, amountMinor, null);
    }

    private UUID book(Card card, FeedKind kind, long amountMinor, UUID purchase) {
        UUID id = UUID.randomUUID();
        FeedResult result = feed.book(new FeedTransaction(
                id, card.id(), kind, amountMinor, card.currency(), LocalDate.now(clock), "Points Shop", purchase));
        assertThat(result).isInstanceOf(FeedResult.Booked.class);
        return id;
    }

    /** {@code amountMinor} cut into {@code count} positive parts at random places, in random order. */
    static List<Long> parts(RandomGenerator random, long amountMinor, int count) {
        TreeSet<Long> cuts = new TreeSet<>();
        while (cuts.size() < count - 1) {
            cuts.add(random.nextLong(1, amountMinor));
        }
        List<Long> parts = new ArrayList<>();
        long from = 0;
        for (long cut : cuts) {
            parts.add(cut - from);
            from = cut;
        }
        parts.add(amountMinor - from);
        Collections.shuffle(parts, new Random(random.nextLong()));
        return parts;
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
