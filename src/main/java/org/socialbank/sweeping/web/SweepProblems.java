package org.socialbank.sweeping.web;

import org.socialbank.shared.web.Problems;
import org.socialbank.sweeping.SweepRefusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The one mapper of sweeping's refusals to problem+json: 404 for what is not there, 409 for a reused id, else 422. */
final class SweepProblems {

    private SweepProblems() {}

    static ResponseEntity<?> of(SweepRefusal refusal) {
        HttpStatus status = switch (refusal) {
            case CONSENT_NOT_FOUND, RULE_NOT_FOUND, PULL_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ID_REUSED -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.response(Problems.of(status, refusal.code(), detail(refusal)));
    }

    private static String detail(SweepRefusal refusal) {
        return switch (refusal) {
            case CUSTOMER_NOT_FOUND -> "The customer is not an active customer of this bank.";
            case NO_ACCOUNT_IN_CURRENCY -> "The customer has no account here in the external account's currency.";
            case UNKNOWN_EXTERNAL_ACCOUNT -> "The other bank lists no such account of the customer in this currency.";
            case INVALID_CONSENT ->
                "A consent needs maxPaymentMinor > 0, maxPeriodMinor >= maxPaymentMinor and an "
                        + "expiry in the future within the allowed length.";
            case CONSENT_NOT_FOUND -> "The customer has no such consent.";
            case CONSENT_EXPIRED -> "The consent has expired; link the account again.";
            case CONSENT_REVOKED -> "The consent was revoked; link the account again.";
            case OVER_PAYMENT_LIMIT -> "The amount is above the consent's maximum per payment.";
            case OVER_PERIOD_LIMIT -> "The amount is above what is left of the consent's maximum for this period.";
            case NOTHING_TO_COLLECT -> "The external balance is not above what is to be kept there.";
            case BALANCE_UNKNOWN -> "The other bank did not give the balance; try again later.";
            case INVALID_AMOUNT -> "The amount must be positive.";
            case INVALID_RULE -> "A rule needs dayOfMonth 1..31 and keepMinor >= 0.";
            case RULE_NOT_FOUND -> "The customer has no such standing rule.";
            case PULL_NOT_FOUND -> "The customer has no such pull.";
            case ID_REUSED -> "This id was already used for something different; nothing was changed.";
        };
    }
}
