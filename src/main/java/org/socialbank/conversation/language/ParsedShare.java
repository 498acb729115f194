package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalLong;
import org.socialbank.shared.CurrencyCode;

/** One person's part of a split, when the text gives it ({@code split 100: @bob 60, @alice 40}). */
public record ParsedShare(Payee payee, BigDecimal amount) {

    public ParsedShare {
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a share is positive");
        }
    }

    /** The share in minor units of the currency; empty when it has more decimals than that. */
    public OptionalLong amountMinor(CurrencyCode currency) {
        return ParsedCommand.minor(amount, currency.exponent());
    }
}
