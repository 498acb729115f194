package org.socialbank.payments;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a payment is; the wire name is the lower-case constant name. See docs/payments.md for the diagram. */
public enum PaymentStatus {
    /** The money reached the payee (a customer's account, a claimed wallet, or a settled payout). */
    COMPLETED,
    /** The money waits in escrow for a non-customer to claim it. */
    AWAITING_CLAIM,
    /** Held until the payer confirms on the bank's step-up page. */
    AWAITING_CONFIRMATION,
    /** Refused; {@code code} says why. Nothing moved. */
    REJECTED,
    /** The payer cancelled before the claim (or the confirmation); any escrowed money is back. */
    CANCELLED,
    /**
     * Unclaimed at expiry, or the payout failed: the money is back with the payer (code {@code
     * settled_by_hand}: operations put a held return on another of her accounts).
     */
    RETURNED,
    /** Claimed to an external account; the payout is under way. */
    PAYING_OUT,
    /**
     * The payout failed and the payer's account refused the money back (frozen or closed): the bank
     * holds it on its settlement account, listed for operations and given back once the account takes it,
     * or settled by hand by operations onto another of the payer's accounts ({@link Payments#settleHeldReturn}).
     */
    RETURN_HELD,
    /** The step-up was denied, expired, or ran out of attempts. Nothing moved. */
    NOT_CONFIRMED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
