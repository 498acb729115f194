package org.socialbank.billing;

import java.util.Objects;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A customer asks to send money to a card. The money comes from the customer's primary account
 * in the currency: own cards come with issue 16.
 */
public record CardTransferRequest(CardTransferId id, CustomerId customer, CardNumber destination, long amountMinor,
        CurrencyCode currency, String channel) {

    public CardTransferRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(channel, "channel");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
        if (!channel.matches("[a-z][a-z0-9_-]{0,15}")) {
            throw new IllegalArgumentException("channel must be 1 to 16 characters of a-z 0-9 _ -");
        }
    }
}
