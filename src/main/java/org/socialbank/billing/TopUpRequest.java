package org.socialbank.billing;

import java.util.Objects;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** A customer asks to top up a phone; {@code operator} is their override of the number's carrier. */
public record TopUpRequest(
        TopUpId id,
        CustomerId customer,
        String phone,
        long amountMinor,
        CurrencyCode currency,
        Optional<String> operator,
        String channel,
        TopUpKind kind) {

    /** A direct charge. */
    public TopUpRequest(
            TopUpId id,
            CustomerId customer,
            String phone,
            long amountMinor,
            CurrencyCode currency,
            Optional<String> operator,
            String channel) {
        this(id, customer, phone, amountMinor, currency, operator, channel, TopUpKind.DIRECT);
    }

    public TopUpRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(channel, "channel");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
        if (!channel.matches("[a-z][a-z0-9_-]{0,15}")) {
            throw new IllegalArgumentException("channel must be 1 to 16 characters of a-z 0-9 _ -");
        }
    }
}
