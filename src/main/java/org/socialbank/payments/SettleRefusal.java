package org.socialbank.payments;

import java.util.Locale;

/**
 * Why operations could not settle a held return by hand; {@link #code()} (the lower-case name) is
 * stable and is what the API's problem {@code code} says (review 2026-12-07 money follow-up).
 */
public enum SettleRefusal {
    /** There is no such payment. */
    PAYMENT_NOT_FOUND,
    /** The payment is not {@code return_held}, and was not settled by hand (e.g. the janitor gave it back). */
    NOT_HELD,
    /** The payment was settled by hand already, under another Idempotency-Key. */
    ALREADY_SETTLED,
    /** The Idempotency-Key was used for another settlement order. */
    IDEMPOTENCY_KEY_REUSED,
    /** The target account does not exist. */
    ACCOUNT_NOT_FOUND,
    /** The target account is not held by the payment's payer. */
    ACCOUNT_NOT_PAYERS,
    /** The target account is in another currency than the payment. */
    CURRENCY_MISMATCH,
    /** The target account is frozen or closed. */
    ACCOUNT_NOT_OPEN,
    /**
     * The bank's settlement account in the payment's currency, which holds the money, is frozen or
     * closed: not the operator's chosen account (review 2026-12-07 money follow-up).
     */
    SETTLEMENT_ACCOUNT_UNAVAILABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
