package org.socialbank.sweeping;

import java.time.Instant;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** A linked external account and the consent to pull from it, as the customer and the apps see it. */
public record Consent(
        ConsentId id,
        CustomerId customerId,
        String bank,
        String accountRef,
        CurrencyCode currency,
        long maxPaymentMinor,
        long maxPeriodMinor,
        LimitPeriod period,
        Instant expiresAt,
        boolean revoked,
        Instant createdAt,
        Instant revokedAt) {

    /** active, expired or revoked at {@code now}. */
    public String state(Instant now) {
        return revoked ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
    }
}
