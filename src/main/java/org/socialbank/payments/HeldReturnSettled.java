package org.socialbank.payments;

import org.socialbank.directory.CustomerId;
import org.socialbank.ledger.AccountId;
import org.socialbank.shared.CurrencyCode;

/**
 * Operations settled a held return by hand: the money is on another account of the payer's,
 * {@code toAccountId} (review 2026-12-07 money follow-up). A payer is told only its last four
 * characters ({@link #accountEnding()}).
 */
public record HeldReturnSettled(
        PaymentId paymentId,
        CustomerId payerCustomerId,
        long amountMinor,
        CurrencyCode currency,
        AccountId toAccountId) {

    /** The last four characters of the account's number (its id), all a chat message may show. */
    public String accountEnding() {
        String number = toAccountId.value().toString();
        return number.substring(number.length() - 4);
    }
}
