package org.socialbank.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units shown the way a customer reads them in their language. */
public final class Money {

    private Money() {
    }

    public static String format(long amountMinor, CurrencyCode currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency.code()));
        format.setMinimumFractionDigits(currency.exponent());
        format.setMaximumFractionDigits(currency.exponent());
        return format.format(BigDecimal.valueOf(amountMinor, currency.exponent()));
    }
}
