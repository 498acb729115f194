package org.socialbank.billing;

import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/** A card-to-card transfer as the switch is asked to make it; its {@code toString} shows the card masked. */
public record CardTransferOrder(CardTransferId id, CardNumber destination, long amountMinor, CurrencyCode currency) {

    public CardTransferOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
    }
}
