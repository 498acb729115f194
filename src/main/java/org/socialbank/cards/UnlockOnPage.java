package org.socialbank.cards;

import java.util.Optional;
import org.socialbank.directory.Confirmations;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.Directory;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Language;
import org.socialbank.shared.Uuids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Unlock my card" in chat (issue 16 s1): locking takes effect at once, unlocking is confirmed on the
 * bank's step-up page as an operation without money, "Unlock card 400012******1234" bound to the SMS
 * code. Only the card shown is unlocked, and only for its holder; the chat is then told
 * ({@link CardUnlockConfirmed}). One card a confirmation: the holder's oldest locked card.
 */
@Component
public class UnlockOnPage implements ConfirmedOperations {

    /** The owner of the operations this class starts on the step-up page; their id is the card's. */
    static final String OWNER = "cards-unlock";

    /** A confirmation to open on the bank's page, or why not: {@code none_locked}, {@code confirmation_unavailable}. */
    public record Offer(String url, String maskedNumber, String refusal) {}

    private final Cards cards;
    private final Confirmations confirmations;
    private final Directory directory;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    UnlockOnPage(
            Cards cards,
            Confirmations confirmations,
            Directory directory,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.cards = cards;
        this.confirmations = confirmations;
        this.directory = directory;
        this.messages = messages;
        this.events = events;
    }

    public Offer start(CustomerId customer) {
        Optional<Card> locked = cards.cardsOf(customer).orElse(java.util.List.of()).stream()
                .filter(c -> c.status() == CardStatus.LOCKED)
                .findFirst();
        if (locked.isEmpty()) {
            return new Offer(null, null, "none_locked");
        }
        Card card = locked.get();
        OperationRef operation = new OperationRef(OWNER, card.id().value().toString());
        return confirmations
                .start(Confirmations.Request.operation(customer, operation, label(customer, card), card.currency()))
                .map(started -> new Offer(started.url(), card.maskedNumber(), null))
                .orElse(new Offer(null, card.maskedNumber(), "confirmation_unavailable"));
    }

    private String label(CustomerId customer, Card card) {
        Language language =
                directory.customer(customer).map(v -> v.customer().language()).orElse(Language.EN);
        return messages.getMessage("cards.unlock.label", new Object[] {card.maskedNumber()}, language.locale());
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return parse(operation)
                .flatMap(cards::card)
                .map(c -> c.status() == CardStatus.ACTIVE
                        ? new OperationOutcome.Carried()
                        : new OperationOutcome.Refused(CardRefusal.CARD_NOT_ACTIVE.code(), null));
    }

    /** Unlocks exactly the card confirmed: its holder's, the one the page showed, no money involved. */
    @EventListener
    void on(OperationConfirmed event) {
        parse(event.operation())
                .flatMap(cards::card)
                .filter(c -> c.customerId().equals(event.customerId())
                        && event.amountMinor() == 0
                        && event.feeMinor() == 0
                        && event.payee().contains(c.maskedNumber()))
                .ifPresent(c -> {
                    if (cards.unlock(c.id()) instanceof CardResult.Done done && !done.replayed()) {
                        events.publishEvent(new CardUnlockConfirmed(c.customerId(), c.maskedNumber()));
                    }
                });
    }

    private static Optional<CardId> parse(OperationRef operation) {
        if (!operation.ownedBy(OWNER)) {
            return Optional.empty();
        }
        return Uuids.parse(operation.id()).map(CardId::new);
    }
}
