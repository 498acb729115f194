package org.socialbank.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in minor units shown the way a customer reads them in their language. */
public final class MoneyFormat {

    private MoneyFormat() {}

    /** The Persian word for the toman, ten rials: what Iranians count in. */
    static final String TOMAN = "تومان";

    /**
     * The amount for a reader of {@code locale}. Persian puts the number first, in Persian digits,
     * then the unit ({@code ۵۰٬۰۰۰٬۰۰۰ ریال}, not {@code ریال۵۰٬۰۰۰٬۰۰۰}), and says rials in tomans
     * too, as Iranians count (issue 13, UX walk-through P13).
     */
    public static String format(long amountMinor, CurrencyCode currency, Locale locale) {
        if (!currency.money()) { // ADR 0011: points are shown as points, never as an amount of money
            throw new IllegalArgumentException(currency.code() + " is not money");
        }
        if ("fa".equals(locale.getLanguage())) {
            return persian(amountMinor, currency, locale);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency.code()));
        format.setMinimumFractionDigits(currency.exponent());
        format.setMaximumFractionDigits(currency.exponent());
        return format.format(BigDecimal.valueOf(amountMinor, currency.exponent()));
    }

    private static String persian(long amountMinor, CurrencyCode currency, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(currency.exponent());
        number.setMaximumFractionDigits(currency.exponent());
        String amount = number.format(BigDecimal.valueOf(amountMinor, currency.exponent()));
        if (!"IRR".equals(currency.code())) {
            return amount + "\u00A0" + Currency.getInstance(currency.code()).getSymbol(locale);
        }
        BigDecimal tomans =
                BigDecimal.valueOf(amountMinor, currency.exponent() + 1).stripTrailingZeros();
        number.setMinimumFractionDigits(0);
        number.setMaximumFractionDigits(Math.max(0, tomans.scale()));
        return amount + "\u00A0ریال (" + number.format(tomans) + "\u00A0" + TOMAN + ")";
    }
}
