package org.socialbank.billing;

import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/** A top-up as the operator is asked to make it. */
public record TopUpOrder(
        TopUpId id, String phoneE164, String operator, long amountMinor, CurrencyCode currency, TopUpKind kind) {

    /** A direct charge. */
    public TopUpOrder(TopUpId id, String phoneE164, String operator, long amountMinor, CurrencyCode currency) {
        this(id, phoneE164, operator, amountMinor, currency, TopUpKind.DIRECT);
    }

    public TopUpOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phoneE164, "phoneE164");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive");
        }
    }
}
