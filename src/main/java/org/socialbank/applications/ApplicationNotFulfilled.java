package org.socialbank.applications;

import org.socialbank.directory.CustomerId;

/**
 * An approved loan was not paid out, or an approved card not issued, published in the transaction
 * that recorded it: her chat hears why and what happens next.
 *
 * @param reason a ledger, directory or cards code ({@code account_frozen}, {@code account_closed},
 *     {@code no_account}, ...)
 * @param retried whether the bank tries again on its own (the cause can pass), else staff take it up
 * @param bankSide whether the cause is the bank's own (its loan account frozen or closed, any refusal
 *     of a card's issue: {@code reason} is {@code bank_<code>}): staff sort it out, and she is never
 *     told it is her doing, only that the bank is completing it and she need do nothing, once per
 *     approval however many such reasons follow (review 2026-12-07 applications follow-up)
 */
public record ApplicationNotFulfilled(
        ApplicationId id, CustomerId customerId, Product product, String reason, boolean retried, boolean bankSide) {}
