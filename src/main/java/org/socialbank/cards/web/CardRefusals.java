package org.socialbank.cards.web;

import java.util.Map;
import org.socialbank.cards.CardRefusal;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one place that turns the cards module's refusals into HTTP problems with their {@code code}. */
final class CardRefusals {

    private static final Map<CardRefusal, String> DETAILS = Map.ofEntries(
            Map.entry(CardRefusal.CARD_NOT_FOUND, "There is no such card."),
            Map.entry(CardRefusal.CUSTOMER_NOT_FOUND, "There is no such customer."),
            Map.entry(CardRefusal.ID_REUSED, "This id was already used for a different request; nothing was changed."),
            Map.entry(CardRefusal.AMOUNT_MUST_BE_POSITIVE, "The amount must be more than zero."),
            Map.entry(CardRefusal.CURRENCY_MISMATCH, "The amount is not in the card's currency."),
            Map.entry(CardRefusal.CARD_NOT_CREDIT, "Only a credit card is repaid; this is a debit card."),
            Map.entry(CardRefusal.CARD_NOT_ACTIVE, "The card is not in a status that allows this."),
            Map.entry(
                    CardRefusal.NO_DEBIT_ACCOUNT,
                    "The card holder has no account in the card's currency to repay from."),
            Map.entry(CardRefusal.NOTHING_OWED, "The card owes nothing."),
            Map.entry(CardRefusal.EXCEEDS_AMOUNT_OWED, "The amount is more than the card owes."),
            Map.entry(CardRefusal.EXCEEDS_CREDIT_LIMIT, "The amount would take the card over its limit."),
            Map.entry(CardRefusal.INSUFFICIENT_FUNDS, "The account paid from does not have enough money."),
            Map.entry(
                    CardRefusal.ACCOUNT_UNAVAILABLE,
                    "An account of this card cannot move money now, or the " + "account is not the card holder's own."),
            Map.entry(CardRefusal.MODE_NOT_VALID, "The mode is one of off, full, minimum."),
            Map.entry(
                    CardRefusal.DISPATCH_DATE_NOT_VALID,
                    "The dispatch day is before the card was issued or after today."));

    private CardRefusals() {}

    static ProblemDetail problem(CardRefusal refusal) {
        HttpStatus status = switch (refusal) {
            case CARD_NOT_FOUND, CUSTOMER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ID_REUSED -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.of(status, refusal.code(), DETAILS.getOrDefault(refusal, refusal.code()));
    }

    static <T> ResponseEntity<T> response(CardRefusal refusal) {
        return Problems.response(problem(refusal));
    }
}
