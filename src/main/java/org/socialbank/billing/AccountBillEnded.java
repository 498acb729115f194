package org.socialbank.billing;

import java.util.Map;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A bill paid by account number ended (issue 15 s1.13): {@code completed} with the biller's trace
 * number, or not with its {@code code} (the money is back, or was never taken). {@code billerNames}
 * by language tag. Published in the transaction that booked it.
 */
public record AccountBillEnded(UUID paymentId, CustomerId customerId, String billerId,
        Map<String, String> billerNames, String account, long amountMinor, String currency, boolean completed,
        String traceNumber, String code, String channel) {

    public AccountBillEnded {
        billerNames = Map.copyOf(billerNames);
    }
}
