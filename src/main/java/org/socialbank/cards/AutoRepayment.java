package org.socialbank.cards;

import org.socialbank.ledger.AccountId;

/**
 * A credit card's auto-repayment: on each statement's due date, the statement's balance
 * ({@link Mode#FULL}) or its minimum ({@link Mode#MINIMUM}), less what was repaid since the
 * statement date, from {@code fromAccount} (the holder's, in the card's currency; null when OFF).
 */
public record AutoRepayment(CardId card, Mode mode, AccountId fromAccount) {

    public enum Mode {
        OFF,
        FULL,
        MINIMUM;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static AutoRepayment off(CardId card) {
        return new AutoRepayment(card, Mode.OFF, null);
    }
}
