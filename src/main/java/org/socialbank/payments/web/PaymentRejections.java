package org.socialbank.payments.web;

import java.util.Map;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one place that turns payment rejections into HTTP problems. Only an order that could not
 * become a payment is answered with a problem; a stored, rejected payment is answered as itself.
 */
final class PaymentRejections {

    private static final Map<PaymentRejection, String> DETAILS = Map.ofEntries(
            Map.entry(
                    PaymentRejection.ID_REUSED,
                    "This id was already used for a different payment; nothing was changed."),
            Map.entry(PaymentRejection.PAYER_NOT_FOUND, "The payer is not an active customer of this bank."),
            Map.entry(PaymentRejection.PAYEE_NOT_FOUND, "Nobody holds this alias, and nobody could claim it."),
            Map.entry(PaymentRejection.PAYEE_IS_PAYER, "The payee is the payer."),
            Map.entry(PaymentRejection.NO_ACCOUNT_IN_CURRENCY, "The payer has no account in this currency."),
            Map.entry(PaymentRejection.PAYEE_CANNOT_RECEIVE_CURRENCY, "The payee has no account in this currency."),
            Map.entry(
                    PaymentRejection.CONFIRMATION_UNAVAILABLE,
                    "The payment needs a confirmation and the payer has no phone for its code."),
            Map.entry(PaymentRejection.INSUFFICIENT_FUNDS, "The payer's account does not have enough funds."));

    private PaymentRejections() {}

    static ProblemDetail problem(PaymentRejection rejection) {
        HttpStatus status =
                rejection == PaymentRejection.ID_REUSED ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        return Problems.of(
                status,
                rejection.code(),
                DETAILS.getOrDefault(rejection, "The payment was refused: " + rejection.code() + "."));
    }
}
