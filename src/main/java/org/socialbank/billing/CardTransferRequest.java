package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import org.socialbank.cards.CardId;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A customer asks to send money to a card from one of the customer's own cards (issue 15 s3: a
 * card the bank issued, never typed): {@code sourceCard}, else the customer's first active debit
 * card in the currency. The money comes from that card's account.
 */
public record CardTransferRequest(
        CardTransferId id,
        CustomerId customer,
        CardNumber destination,
        long amountMinor,
        CurrencyCode currency,
        String channel,
        Optional<CardId> sourceCard) {

    public CardTransferRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sourceCard, "sourceCard");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
        if (!channel.matches("[a-z][a-z0-9_-]{0,15}")) {
            throw new IllegalArgumentException("channel must be 1 to 16 characters of a-z 0-9 _ -");
        }
    }

    /** From the customer's first active debit card in the currency. */
    public CardTransferRequest(
            CardTransferId id,
            CustomerId customer,
            CardNumber destination,
            long amountMinor,
            CurrencyCode currency,
            String channel) {
        this(id, customer, destination, amountMinor, currency, channel, Optional.empty());
    }
}
