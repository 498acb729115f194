package org.socialbank.payouts;

import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * What to pay out: an amount to an account at another bank.
 *
 * @param id the caller's chosen id, the idempotency key
 * @param to the beneficiary's account
 * @param beneficiaryName the account holder's name as the other bank should see it, 1..{@value
 *     #NAME_LENGTH_MAX} characters
 * @param amountMinor more than zero, in the currency's minor units
 * @param currency the currency
 * @param reference the caller's id of what this pays (e.g. a payment id), 1..{@value
 *     #REFERENCE_LENGTH_MAX} characters, given back in the events
 */
public record PayoutOrder(
        PayoutId id,
        ExternalAccount to,
        String beneficiaryName,
        long amountMinor,
        CurrencyCode currency,
        String reference) {

    public static final int NAME_LENGTH_MAX = 140;
    public static final int REFERENCE_LENGTH_MAX = 128;

    public PayoutOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(beneficiaryName, "beneficiaryName");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reference, "reference");
        beneficiaryName = beneficiaryName.strip();
        if (beneficiaryName.isEmpty() || beneficiaryName.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("beneficiaryName must be 1.." + NAME_LENGTH_MAX + " characters");
        }
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
        if (reference.isBlank() || reference.length() > REFERENCE_LENGTH_MAX) {
            throw new IllegalArgumentException("reference must be 1.." + REFERENCE_LENGTH_MAX + " characters");
        }
    }
}
