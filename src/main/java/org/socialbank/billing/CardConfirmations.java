package org.socialbank.billing;

import java.time.Clock;
import java.util.Optional;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardStatus;
import org.socialbank.directory.OperationConfirmed;
import org.socialbank.shared.Microseconds;
import org.socialbank.shared.jdbc.DurableTransactions;
import org.springframework.stereotype.Component;

/**
 * Carries on a card-to-card once its customer confirmed exactly it (amount, currency, the masked
 * card and holder) on the step-up page: the money is reserved from the own card's account in the
 * transaction that closed the step-up, and the worker sends it to the switch. A step-up that
 * failed, or showed something else, or a card no longer active, ends it with nothing moved.
 */
@Component
class CardConfirmations extends StepUpHolds<CardTransferId, JdbcCardTransfers.Row> {

    private final JdbcCardTransfers store;
    private final SendToCard send;
    private final OwnCards cards;
    private final Clock clock;

    CardConfirmations(
            JdbcCardTransfers store, SendToCard send, OwnCards cards, DurableTransactions writes, Clock clock) {
        super(SendToCard.CONFIRMATION_OWNER, CardTransferId::new, store, writes);
        this.store = store;
        this.send = send;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    void confirmed(JdbcCardTransfers.Row r, OperationConfirmed event) {
        boolean same = event.isExactly(
                r.customer(),
                r.amountMinor(),
                r.currency(),
                SendToCard.payeeLabel(r.destinationMasked(), r.holderMasked()));
        Optional<Card> card =
                r.card() == null ? Optional.empty() : cards.card(r.card()).filter(c -> c.status() == CardStatus.ACTIVE);
        if (!same || card.isEmpty()) {
            notConfirmed(r, same ? "card_not_active" : "confirmation_mismatch");
            return;
        }
        send.reserve(r, card.get().accountId());
    }

    @Override
    void notConfirmed(JdbcCardTransfers.Row r, String code) {
        store.update(r.id(), BillPaymentStatus.NOT_CONFIRMED, code, null, Microseconds.now(clock));
        send.publishEnded(r, BillingEnding.NOT_CONFIRMED, code, null);
    }
}
