package org.socialbank.sweeping;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * One pull as the provider receives it, with the consent's limits so that the other bank can
 * check them too (as a VRP consent's control parameters are checked on both sides).
 */
public record PullOrder(
        PullId id,
        ConsentId consent,
        String bank,
        String accountRef,
        long amountMinor,
        CurrencyCode currency,
        long maxPaymentMinor,
        Instant consentExpiresAt) {

    public PullOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a pull moves a positive amount");
        }
    }
}
