package org.socialbank.cards;

import java.util.Locale;

/**
 * Active cards pay; a locked card is paused by its holder (and unlocked by them); a blocked card
 * was stopped by the bank; an expired card is past its date. Repayments and refunds reach a card
 * in any status.
 */
public enum CardStatus {
    ACTIVE,
    LOCKED,
    BLOCKED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
