package org.socialbank.applications;

import org.socialbank.directory.CustomerId;

/**
 * An approved loan was not paid out, or an approved card not issued, published in the transaction
 * that recorded it: her chat hears why and what happens next.
 *
 * @param reason a ledger, directory or cards code ({@code account_frozen}, {@code account_closed},
 *     {@code no_account}, ...)
 * @param retried whether the bank tries again on its own (the cause can pass), else staff take it up
 */
public record ApplicationNotFulfilled(
        ApplicationId id, CustomerId customerId, Product product, String reason, boolean retried) {}
