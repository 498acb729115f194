package org.socialbank.payments.requests.jdbc;

import java.time.Instant;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.requests.SplitId;
import org.socialbank.shared.CurrencyCode;

/**
 * A stored split; its members are requests.
 *
 * @param fingerprint a hash of the order's content, to tell a replay from a reused id
 */
public record SplitRow(
        SplitId id,
        CustomerId organiser,
        long totalMinor,
        CurrencyCode currency,
        String note,
        String channel,
        boolean includeOrganiser,
        long organiserShareMinor,
        String fingerprint,
        Instant createdAt) {}
