package org.socialbank.billing;

import java.util.Optional;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardId;
import org.socialbank.cards.CardKind;
import org.socialbank.cards.CardStatus;
import org.socialbank.cards.Cards;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * The customer's own card a card-to-card goes from (issue 15 s3.1): one the bank issued (cards
 * module), active, a debit card (it spends from the customer's account), in the currency. Never a
 * number typed into a chat.
 */
@Component
class OwnCards {

    static final String NO_CARD = "no_card_in_currency";

    private final Cards cards;

    OwnCards(Cards cards) {
        this.cards = cards;
    }

    /** The named card if it qualifies, else (none named) the customer's first that does. */
    Optional<Card> source(CustomerId customer, CurrencyCode currency, Optional<CardId> named) {
        if (named.isPresent()) {
            return cards.card(named.get())
                    .filter(c -> c.customerId().equals(customer))
                    .filter(c -> usable(c, currency));
        }
        return cards.cardsOf(customer)
                .flatMap(all -> all.stream().filter(c -> usable(c, currency)).findFirst());
    }

    Optional<Card> card(CardId id) {
        return cards.card(id);
    }

    private static boolean usable(Card card, CurrencyCode currency) {
        return card.kind() == CardKind.DEBIT
                && card.status() == CardStatus.ACTIVE
                && card.currency().equals(currency);
    }
}
