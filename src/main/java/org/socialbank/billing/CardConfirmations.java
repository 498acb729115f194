package org.socialbank.billing;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardStatus;
import org.socialbank.directory.ConfirmedOperations;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.directory.OperationNotConfirmed;
import org.socialbank.directory.OperationOutcome;
import org.socialbank.directory.OperationRef;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.Uuids;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Carries on a card-to-card once its customer confirmed exactly it (amount, currency, the masked
 * card and holder) on the step-up page: the money is reserved from the own card's account in the
 * transaction that closed the step-up, and the worker sends it to the switch. A step-up that
 * failed, or showed something else, or a card no longer active, ends it with nothing moved.
 */
@Component
class CardConfirmations implements ConfirmedOperations {

    private final JdbcCardTransfers store;
    private final SendToCard send;
    private final OwnCards cards;
    private final DurableTransactions writes;
    private final Clock clock;

    CardConfirmations(
            JdbcCardTransfers store, SendToCard send, OwnCards cards, DurableTransactions writes, Clock clock) {
        this.store = store;
        this.send = send;
        this.cards = cards;
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public Optional<OperationOutcome> outcome(OperationRef operation) {
        return id(operation).flatMap(store::find).flatMap(r -> BillConfirmations.outcome(r.status(), r.code()));
    }

    @EventListener
    void on(OperationConfirmed event) {
        id(event.operation())
                .ifPresent(id -> writes.write(tx -> {
                    store.lock(id).filter(r -> waiting(r, event.challengeId())).ifPresent(r -> {
                        boolean same = r.amountMinor() == event.amountMinor()
                                && r.currency().equals(event.currency())
                                && SendToCard.payeeLabel(r.destinationMasked(), r.holderMasked())
                                        .equals(event.payee())
                                && event.feeMinor() == 0
                                && r.customer().equals(event.customerId());
                        Optional<Card> card = r.card() == null
                                ? Optional.empty()
                                : cards.card(r.card()).filter(c -> c.status() == CardStatus.ACTIVE);
                        if (!same || card.isEmpty()) {
                            end(r, same ? "card_not_active" : "confirmation_mismatch");
                            return;
                        }
                        send.reserve(r, card.get().accountId());
                    });
                    return null;
                }));
    }

    @EventListener
    void on(OperationNotConfirmed event) {
        id(event.operation())
                .ifPresent(id -> writes.write(tx -> {
                    store.lock(id).filter(r -> waiting(r, event.challengeId())).ifPresent(r -> end(r, event.reason()));
                    return null;
                }));
    }

    private void end(JdbcCardTransfers.Row r, String code) {
        store.update(r.id(), BillPaymentStatus.NOT_CONFIRMED, code, null, Microseconds.now(clock));
        send.publishEnded(r, false, code, null);
    }

    private static boolean waiting(JdbcCardTransfers.Row r, UUID challengeId) {
        return r.status() == BillPaymentStatus.AWAITING_CONFIRMATION && challengeId.equals(r.challengeId());
    }

    private static Optional<CardTransferId> id(OperationRef operation) {
        if (!operation.ownedBy(SendToCard.CONFIRMATION_OWNER)) {
            return Optional.empty();
        }
        return Uuids.parse(operation.id()).map(CardTransferId::new);
    }
}
