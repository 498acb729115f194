package org.socialbank.loyalty.web;

import java.util.Map;
import org.socialbank.loyalty.PointsRefusal;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one place that turns the loyalty module's refusals into HTTP problems with their {@code code}. */
final class PointsRefusals {

    private static final Map<PointsRefusal, String> DETAILS = Map.ofEntries(
            Map.entry(PointsRefusal.CUSTOMER_NOT_FOUND, "There is no such customer."),
            Map.entry(PointsRefusal.CARD_NOT_FOUND, "The customer has no such credit card."),
            Map.entry(
                    PointsRefusal.ID_REUSED,
                    "This id was already used for a different redemption; nothing was changed."),
            Map.entry(
                    PointsRefusal.POINTS_NOT_VALID,
                    "The points must be a whole number, at least the least a " + "redemption takes."),
            Map.entry(PointsRefusal.INSUFFICIENT_POINTS, "The customer does not hold that many points."),
            Map.entry(PointsRefusal.NO_CREDIT_CARD, "The customer has no credit card to credit."),
            Map.entry(PointsRefusal.CURRENCY_NOT_REDEEMABLE, "Points have no value in the card's currency."),
            Map.entry(PointsRefusal.NOTHING_OWED, "The card owes nothing, so there is nothing to credit."),
            Map.entry(PointsRefusal.EXCEEDS_AMOUNT_OWED, "The credit would be more than the card owes."),
            Map.entry(PointsRefusal.ACCOUNT_UNAVAILABLE, "An account of the redemption cannot move now."),
            Map.entry(PointsRefusal.REWARD_NOT_FOUND, "The rewards partner offers no such reward."));

    private PointsRefusals() {}

    static ProblemDetail problem(PointsRefusal refusal) {
        HttpStatus status = switch (refusal) {
            case CUSTOMER_NOT_FOUND, CARD_NOT_FOUND, REWARD_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ID_REUSED -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.of(status, refusal.code(), DETAILS.getOrDefault(refusal, refusal.code()));
    }

    static <T> ResponseEntity<T> response(PointsRefusal refusal) {
        return Problems.response(problem(refusal));
    }
}
