package org.socialbank.payments.web;

import java.util.Map;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.SettleRefusal;
import org.socialbank.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one place that turns payment rejections into HTTP problems. Only an order that could not
 * become a payment is answered with a problem; a stored, rejected payment is answered as itself.
 * Operations' refused settlements of held returns too (review 2026-12-07 money follow-up).
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

    private static final Map<SettleRefusal, String> SETTLE_DETAILS = Map.ofEntries(
            Map.entry(SettleRefusal.PAYMENT_NOT_FOUND, "There is no such payment."),
            Map.entry(
                    SettleRefusal.NOT_HELD,
                    "The payment's money is not held (it is not return_held): there is nothing to settle."),
            Map.entry(
                    SettleRefusal.ALREADY_SETTLED,
                    "The payment's held return was already settled by hand, under another Idempotency-Key."),
            Map.entry(
                    SettleRefusal.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for another settlement; nothing was changed."),
            Map.entry(SettleRefusal.ACCOUNT_NOT_FOUND, "There is no such account."),
            Map.entry(SettleRefusal.ACCOUNT_NOT_PAYERS, "The account is not held by the payment's payer."),
            Map.entry(SettleRefusal.CURRENCY_MISMATCH, "The account is in another currency than the payment."),
            Map.entry(SettleRefusal.ACCOUNT_NOT_OPEN, "The account is frozen or closed."),
            Map.entry(
                    SettleRefusal.SETTLEMENT_ACCOUNT_UNAVAILABLE,
                    "The bank's settlement account in the payment's currency, which holds the money, is frozen or"
                            + " closed; nothing was moved."));

    /**
     * 404 for an unknown payment, 409 for one with nothing (more) to settle or whose money the bank's
     * own settlement account cannot give, 422 for a wrong account.
     */
    static ProblemDetail problem(SettleRefusal refusal) {
        HttpStatus status = switch (refusal) {
            case PAYMENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_HELD, ALREADY_SETTLED, IDEMPOTENCY_KEY_REUSED, SETTLEMENT_ACCOUNT_UNAVAILABLE ->
                HttpStatus.CONFLICT;
            case ACCOUNT_NOT_FOUND, ACCOUNT_NOT_PAYERS, CURRENCY_MISMATCH, ACCOUNT_NOT_OPEN ->
                HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.of(status, refusal.code(), SETTLE_DETAILS.get(refusal));
    }
}
