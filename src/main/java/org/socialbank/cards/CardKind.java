package org.socialbank.cards;

import java.util.Locale;

/** A debit card spends the customer's own money; a credit card spends the bank's, up to a limit. */
public enum CardKind {
    DEBIT,
    CREDIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
