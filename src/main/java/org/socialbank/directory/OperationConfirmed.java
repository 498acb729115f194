package org.socialbank.directory;

import java.util.UUID;
import org.socialbank.shared.CurrencyCode;

/**
 * The customer confirmed, on the bank's page and with the right code, exactly this operation:
 * the amount, currency, payee and fee that were shown and bound to the code. A listener handles
 * only the operations it owns ({@link OperationRef#owner()}) and must check them against the
 * operation it holds under {@link OperationRef#id()} before carrying it out.
 */
public record OperationConfirmed(
        OperationRef operation,
        UUID challengeId,
        CustomerId customerId,
        long amountMinor,
        CurrencyCode currency,
        String payee,
        long feeMinor) {

    /**
     * Whether what the customer confirmed is exactly the operation its owner holds: the same
     * customer, amount, currency and payee (as the page showed it), and no fee. An owner carries out
     * a confirmed operation only when it is (payments, bills, card transfers alike).
     */
    public boolean isExactly(CustomerId customer, long amountMinor, CurrencyCode currency, String payee) {
        return amountMinor == this.amountMinor
                && currency.equals(this.currency)
                && payee.equals(this.payee)
                && feeMinor == 0
                && customer.equals(customerId);
    }

    /** The operation as the challenge stores it, {@code owner:id}. */
    public String reference() {
        return operation.reference();
    }
}
