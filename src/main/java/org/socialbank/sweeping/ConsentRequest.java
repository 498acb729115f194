package org.socialbank.sweeping;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** Link an external account with a consent; the id makes it idempotent. */
public record ConsentRequest(
        ConsentId id,
        CustomerId customer,
        String bank,
        String accountRef,
        CurrencyCode currency,
        long maxPaymentMinor,
        long maxPeriodMinor,
        LimitPeriod period,
        Instant expiresAt) {

    public ConsentRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(accountRef, "accountRef");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
