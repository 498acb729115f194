package org.socialbank.billing;

import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A bill, top-up, card transfer or account bill whose outcome the customer must hear about before
 * it ends (review 2026-12-07 money #4). {@link Reason#STILL_CHECKING}: the provider has not said
 * for {@code pending-timeout} whether it paid; the money stays held and the janitor keeps asking.
 * {@link Reason#PAID_NOT_BOOKED}: the provider paid, but the ledger refused to post the
 * reservation (it had lapsed, or an account was frozen), so the money was not taken; operations
 * settle it. {@link Reason#POSTED_NOT_PAID}: the provider refused it or never received it, but
 * its reservation had been posted by hand, so the money was taken for nothing; operations give it
 * back (review 2026-12-07 billing follow-up). {@link Reason#PIN_NOT_GIVEN}: a voucher top-up was
 * charged but the operator has not given its PIN for {@code voucher-pin-wait}; the worker keeps
 * asking, operations follow it up. Told once per payment and reason, published in the transaction
 * that booked the answer.
 *
 * @param payee what was paid, as the customer wrote it: the bill id, the phone number, the card
 *     masked, or the account number
 */
public record PaymentInDoubt(
        UUID paymentId, CustomerId customerId, String payee, long amountMinor, String currency, Reason reason) {

    public enum Reason {
        STILL_CHECKING,
        PAID_NOT_BOOKED,
        POSTED_NOT_PAID,
        /** A voucher top-up the operator completed (she was charged) without giving its PIN (review 2026-12-07 billing follow-up). */
        PIN_NOT_GIVEN
    }
}
