package org.socialbank.conversation.language;

import java.util.Locale;

/**
 * Why an amount the text holds was not read. The parser never rounds nor guesses: the dialogue
 * asks again.
 */
public enum AmountProblem {
    /** Separators that make no number: {@code 1,2,3}, {@code 12.34.5}, {@code 五百三千}. */
    MALFORMED,
    /** More decimals than the currency has: {@code 10.505 EUR}, {@code 1.5 rials}. */
    TOO_MANY_DECIMALS,
    /** Zero or negative. */
    NOT_POSITIVE,
    /** More than a long holds in minor units, or longer than any amount is written. */
    TOO_LARGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
