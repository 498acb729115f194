package org.socialbank.cards;

import java.util.Locale;

/**
 * Why the cards module said no, as a value. The codes are stable: clients branch on them, and one
 * mapper per adapter (HTTP, chat) turns them into a problem or a message.
 */
public enum CardRefusal {
    CARD_NOT_FOUND,
    CUSTOMER_NOT_FOUND,
    ID_REUSED,
    AMOUNT_MUST_BE_POSITIVE,
    CURRENCY_MISMATCH,
    CARD_NOT_CREDIT,
    CARD_NOT_ACTIVE,
    NO_DEBIT_ACCOUNT,
    NOTHING_OWED,
    EXCEEDS_AMOUNT_OWED,
    EXCEEDS_CREDIT_LIMIT,
    INSUFFICIENT_FUNDS,
    ACCOUNT_UNAVAILABLE,
    /** An auto-repayment mode other than {@code off}, {@code full}, {@code minimum}. */
    MODE_NOT_VALID,
    /** A dispatch day before the card was issued or after today. */
    DISPATCH_DATE_NOT_VALID;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CardRefusal fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
