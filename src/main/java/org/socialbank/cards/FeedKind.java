package org.socialbank.cards;

/** What the card processor reports; a repayment is the bank's own and never comes from the feed. */
public enum FeedKind {
    PURCHASE,
    REFUND,
    CASH_WITHDRAWAL;

    /** Spends on the card (a refund gives back). */
    boolean spends() {
        return this != REFUND;
    }
}
