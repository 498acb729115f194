package org.socialbank.conversation.dialogue;

import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.requests.RequestRejection;

/**
 * The one place that turns the bank's refusals of payments, requests and splits into the message
 * keys a chat says them with. Each sentence takes the rejection's code as its argument {0}.
 */
final class Refusals {

    private Refusals() {}

    /** The sentence for a refused payment (a refused limit with its amount is said by {@link #limitKey}). */
    public static String key(PaymentRejection rejection) {
        return switch (rejection) {
            case INSUFFICIENT_FUNDS -> "conversation.pay.refused.funds";
            case ACCOUNT_FROZEN, ACCOUNT_CLOSED -> "conversation.pay.refused.account";
            case PAYEE_CANNOT_RECEIVE_CURRENCY -> "conversation.pay.refused.payee_account";
            case NO_ACCOUNT_IN_CURRENCY, CURRENCY_NOT_SUPPORTED -> "conversation.pay.refused.currency";
            case CONFIRMATION_UNAVAILABLE -> "conversation.pay.refused.no_phone";
            default -> "conversation.pay.refused.other";
        };
    }

    /**
     * The sentence for a bill or a top-up the bank refused or the provider failed: billing's own
     * codes ({@code bill_already_paid}, {@code unknown_operator}, the biller's...) are said as a
     * refused payment, and a code that means what a payment's does is said the same way.
     */
    static String billingKey(String code) {
        if (code.equals("exceeds_credits")) { // the ledger's word for a reservation the wallet cannot cover
            return "conversation.pay.refused.funds";
        }
        for (PaymentRejection rejection : PaymentRejection.values()) {
            if (rejection.code().equals(code)) {
                return key(rejection);
            }
        }
        return "conversation.pay.refused.other";
    }

    /** The name of a limit, for a payment over it; only for a {@link PaymentRejection#limit() limit}. */
    static String limitKey(PaymentRejection rejection) {
        return "conversation.limit." + rejection.code();
    }

    /**
     * The sentence for paying a request that the request refused: said as a refused payment, with
     * the request's code ({@code request_expired}, {@code too_many_attempts}, ...).
     */
    static String payingKey(RequestRejection rejection) {
        return "conversation.pay.refused.other";
    }

    /**
     * The sentence for a replay of a payment that ended meanwhile without paying here, or is being
     * paid out: said as a refused payment, with {@code payment_} and the payment's status.
     */
    static String endedKey(org.socialbank.payments.PaymentStatus status) {
        return "conversation.pay.refused.other";
    }

    /** The sentence for a refused request or split. */
    static String key(RequestRejection rejection) {
        return switch (rejection) {
            case NO_ACCOUNT_IN_CURRENCY -> "conversation.pay.refused.currency";
            case MEMBER_IS_ORGANISER -> "conversation.pay.self";
            case SHARES_DO_NOT_ADD_UP -> "conversation.split.shares_do_not_add_up";
            case TOO_MANY_REQUESTS -> "conversation.request.too_many";
            default -> "conversation.request.refused";
        };
    }

    /** Every key the refusals may be said with, for the tests that check the bundles. */
    static java.util.List<String> messageKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (PaymentRejection rejection : PaymentRejection.values()) {
            keys.add(key(rejection));
            if (rejection.limit()) {
                keys.add(limitKey(rejection));
            }
        }
        for (RequestRejection rejection : RequestRejection.values()) {
            keys.add(key(rejection));
        }
        return java.util.List.copyOf(keys);
    }
}
