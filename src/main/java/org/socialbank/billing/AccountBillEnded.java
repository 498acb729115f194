package org.socialbank.billing;

import java.util.Map;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A bill paid by account number ended (issue 15 s1.13): {@code completed} with the biller's trace
 * number, or not with its {@code code} (the money is back, or was never taken). {@code billerNames}
 * by language tag. {@code points} (0: none) paid {@code discountMinor} of it, spent when completed and
 * the customer's again when not (issue 16 s3.7). Published in the transaction that booked it.
 */
public record AccountBillEnded(
        UUID paymentId,
        CustomerId customerId,
        String billerId,
        Map<String, String> billerNames,
        String account,
        long amountMinor,
        String currency,
        boolean completed,
        String traceNumber,
        String code,
        String channel,
        long points,
        long discountMinor) {

    public AccountBillEnded {
        billerNames = Map.copyOf(billerNames);
    }
}
