package org.socialbank.conversation.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.cards.AutoRepayment;
import org.socialbank.cards.AutoRepaymentResult;
import org.socialbank.cards.AutoRepayments;
import org.socialbank.cards.Card;
import org.socialbank.cards.CardRefusal;
import org.socialbank.cards.CardResult;
import org.socialbank.cards.CardStatus;
import org.socialbank.cards.Cards;
import org.socialbank.cards.RepayOnPage;
import org.socialbank.cards.Statements;
import org.socialbank.cards.UnlockOnPage;
import org.socialbank.conversation.dialogue.Bank;
import org.socialbank.conversation.language.CardCommand;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.Network;

/**
 * The cards of one chat message: their lines, locks, credit card bills, repayments and unlocks,
 * through the cards module. A repayment's id comes from the message, so a redelivery asks once.
 */
final class ChatCards {

    private final Cards cards;
    private final Statements statements;
    private final RepayOnPage repayments;
    private final AutoRepayments autoRepayments;
    private final UnlockOnPage unlocks;
    private final Network channel;
    private final String externalMessageId;

    ChatCards(ChatBank.Collaborators parts, Network channel, String externalMessageId) {
        this.cards = parts.cards();
        this.statements = parts.statements();
        this.repayments = parts.cardRepayments();
        this.autoRepayments = parts.autoRepayments();
        this.unlocks = parts.cardUnlocks();
        this.channel = channel;
        this.externalMessageId = externalMessageId;
    }

    Optional<Bank.CardDays> newestCardDays(CustomerId customer) {
        return cards.newestOf(customer).map(card -> new Bank.CardDays(card.issuedOn(), card.dispatchedOn()));
    }

    List<Bank.CardLine> lines(CustomerId customer) {
        return cards.cardsOf(customer).orElse(List.of()).stream()
                .map(c -> new Bank.CardLine(
                        c.credit(),
                        c.maskedNumber(),
                        c.status().wireName(),
                        c.currency(),
                        cards.owedMinor(c),
                        c.limitMinor()))
                .toList();
    }

    int lock(CustomerId customer) {
        int locked = 0;
        for (Card card : cards.cardsOf(customer).orElse(List.of())) {
            if (card.status() == CardStatus.ACTIVE
                    && cards.lock(card.id()) instanceof CardResult.Done done
                    && !done.replayed()) {
                locked++;
            }
        }
        return locked;
    }

    Optional<Bank.CardBill> creditCardBill(CustomerId customer) {
        for (Card card : cards.cardsOf(customer).orElse(List.of())) {
            if (card.credit()) {
                Optional<Bank.CardBill> bill = statements
                        .latest(card.id())
                        .map(s -> new Bank.CardBill(
                                card.maskedNumber(),
                                s.statementDate(),
                                s.dueDate(),
                                s.balanceMinor(),
                                s.minimumPaymentMinor(),
                                s.currency()));
                if (bill.isPresent()) {
                    return bill;
                }
            }
        }
        return Optional.empty();
    }

    Bank.CardRepayment repay(CustomerId customer, CardCommand command) {
        RepayOnPage.What what = switch (command.kind()) {
            case REPAY_FULL -> RepayOnPage.What.FULL;
            case REPAY_MINIMUM -> RepayOnPage.What.MINIMUM;
            default -> RepayOnPage.What.AMOUNT;
        };
        // the repayment's id comes from the message: a redelivery asks for the same repayment
        UUID id = ChatIds.of("chat-card-repay", channel, externalMessageId);
        RepayOnPage.Offer offer =
                repayments.start(customer, id, what, command.amount().orElse(null));
        if (offer instanceof RepayOnPage.ToConfirm c) {
            return new Bank.CardRepayment(c.url(), c.amountMinor(), c.currency(), c.maskedNumber(), null);
        }
        return new Bank.CardRepayment(null, 0, null, null, ((RepayOnPage.NotOffered) offer).code());
    }

    Bank.AutoRepaySetting setAutoRepayment(CustomerId customer, String mode) {
        AutoRepaymentResult result =
                autoRepayments.setForCustomer(customer, AutoRepayment.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
        if (result instanceof AutoRepaymentResult.Set set) {
            return new Bank.AutoRepaySetting(
                    set.maskedNumber(), set.setting().mode().wireName(), null);
        }
        CardRefusal code = ((AutoRepaymentResult.Refused) result).code();
        return new Bank.AutoRepaySetting(
                null, null, code == CardRefusal.CARD_NOT_CREDIT ? "no_credit_card" : code.code());
    }

    Bank.CardUnlock unlock(CustomerId customer) {
        UnlockOnPage.Offer offer = unlocks.start(customer);
        return new Bank.CardUnlock(offer.url(), offer.maskedNumber(), offer.refusal());
    }
}
