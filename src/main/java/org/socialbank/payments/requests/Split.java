package org.socialbank.payments.requests;

import java.time.Instant;
import java.util.List;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A split as its organiser sees it: each member's request and who paid.
 *
 * @param organiserShareMinor what the organiser pays themself (0 when not included); never requested
 * @param status {@code open} while a request is open, {@code settled} when every request was paid,
 *     {@code closed} when none is open any more but some went unpaid
 */
public record Split(
        SplitId id,
        CustomerId organiserCustomerId,
        long totalMinor,
        CurrencyCode currency,
        String note,
        String channel,
        boolean includeOrganiser,
        long organiserShareMinor,
        List<MoneyRequest> requests,
        long paidMinor,
        long outstandingMinor,
        String status,
        Instant createdAt) {

    public Split {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }
}
