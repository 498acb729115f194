package org.socialbank.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.cards.Card;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.CustomerStatus;
import org.socialbank.directory.Directory;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Card-to-card asked in chat (issue 15 s3): the message's transaction keeps the card in the vault
 * and records the question; the worker asks the switch who holds the card (never inside a
 * transaction) and {@link CardTransferQuoted} takes the answer to the chat with Confirm and Cancel.
 * Confirm uses the quote once, within {@link #VALID_FOR}.
 */
@Component
class CardQuotes {

    static final Duration VALID_FOR = Duration.ofMinutes(30);
    static final String QUOTE_UNAVAILABLE = "quote_unavailable";
    private static final Logger log = LoggerFactory.getLogger(CardQuotes.class);

    private final JdbcCardQuotes store;
    private final CardVault vault;
    private final OwnCards ownCards;
    private final CardSwitch cardSwitch;
    private final CardBins bins;
    private final Directory directory;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final DurableTransactions writes;
    private final Clock clock;

    CardQuotes(
            JdbcCardQuotes store,
            CardVault vault,
            OwnCards ownCards,
            CardSwitch cardSwitch,
            Directory directory,
            BillingProperties properties,
            ApplicationEventPublisher events,
            DurableTransactions writes,
            Clock clock) {
        this.store = store;
        this.vault = vault;
        this.ownCards = ownCards;
        this.cardSwitch = cardSwitch;
        this.bins = new CardBins(properties.cardBins());
        this.directory = directory;
        this.properties = properties;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Records the question inside the caller's transaction; idempotent by {@code id}. */
    CardQuoteResult quote(
            UUID id, CustomerId customer, CardNumber card, long amountMinor, CurrencyCode currency, String channel) {
        Optional<JdbcCardQuotes.Row> existing = store.find(id);
        if (existing.isPresent()) {
            return new CardQuoteResult.Asked(id, existing.get().destinationMasked(), true);
        }
        if (!properties.cardDailyLimitsMinor().containsKey(currency.code())) {
            return new CardQuoteResult.Refused(CardTransferResult.CURRENCY_NOT_SUPPORTED);
        }
        if (directory
                .customer(customer)
                .filter(c -> c.customer().status() == CustomerStatus.ACTIVE)
                .isEmpty()) {
            return new CardQuoteResult.Refused(BillPaymentResult.CUSTOMER_NOT_FOUND);
        }
        Optional<Card> source = ownCards.source(customer, currency, Optional.empty());
        if (source.isEmpty()) {
            return new CardQuoteResult.Refused(OwnCards.NO_CARD);
        }
        Instant now = now();
        store.insert(
                new JdbcCardQuotes.Row(
                        id,
                        customer,
                        source.get().id(),
                        vault.keep(card),
                        card.masked(),
                        amountMinor,
                        currency,
                        channel,
                        JdbcCardQuotes.Status.ASKING,
                        bins.bank(card).orElse(null),
                        null,
                        now),
                now);
        return new CardQuoteResult.Asked(id, card.masked(), false);
    }

    /** Looks up the holders of the cards asked about, one switch call each, outside any transaction. */
    @Scheduled(
            fixedDelayString = "${socialbank.billing.worker-interval:1s}",
            initialDelayString = "${socialbank.billing.worker-interval:1s}")
    void lookUp() {
        try {
            for (UUID id : store.asking(properties.batchMax())) {
                Optional<CardNumber> card = store.find(id).flatMap(q -> vault.open(q.vaultToken()));
                Optional<String> holder = card.flatMap(c -> SendToCard.ask(() -> cardSwitch.holderName(c)));
                writes.write(tx -> {
                    store.lock(id)
                            .filter(q -> q.status() == JdbcCardQuotes.Status.ASKING)
                            .ifPresent(q -> answer(q, holder.map(SendToCard::shown)));
                    return null;
                });
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Looking up card holders failed; will try again: {}",
                    e.getClass().getName());
        }
    }

    private void answer(JdbcCardQuotes.Row q, Optional<String> holder) {
        JdbcCardQuotes.Status status =
                holder.isPresent() ? JdbcCardQuotes.Status.READY : JdbcCardQuotes.Status.UNKNOWN_CARD;
        store.answer(q.id(), status, q.bank(), holder.orElse(null), now());
        String source = ownCards.card(q.card()).map(Card::maskedNumber).orElse(null);
        events.publishEvent(new CardTransferQuoted(
                q.id(),
                q.customer(),
                q.destinationMasked(),
                q.bank(),
                holder.orElse(null),
                q.amountMinor(),
                q.currency().code(),
                source,
                holder.isPresent(),
                q.channel()));
    }

    /** The quote Confirm was pressed under, used once: ready, the customer's, still valid; empty otherwise. */
    Optional<JdbcCardQuotes.Row> use(UUID id, CustomerId customer) {
        Instant now = now();
        Optional<JdbcCardQuotes.Row> quote = store.lock(id)
                .filter(q -> q.status() == JdbcCardQuotes.Status.READY)
                .filter(q -> q.customer().equals(customer))
                .filter(q -> q.createdAt().plus(VALID_FOR).isAfter(now));
        quote.ifPresent(q -> store.use(q.id(), now));
        return quote;
    }

    /** The card of a quote, opened from the vault. */
    CardNumber card(JdbcCardQuotes.Row quote) {
        return vault.open(quote.vaultToken()).orElseThrow();
    }

    private Instant now() {
        return Microseconds.now(clock);
    }
}
