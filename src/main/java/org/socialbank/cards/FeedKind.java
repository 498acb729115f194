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

    /**
     * The ledger transfer code it is booked under. A cash withdrawal has its own code, so that what
     * earns on purchases (loyalty's {@code earn-codes}, a campaign's cashback) never earns on cash.
     */
    String transferCode() {
        return switch (this) {
            case PURCHASE -> "card-purchase";
            case REFUND -> "card-refund";
            case CASH_WITHDRAWAL -> "card-cash-withdrawal";
        };
    }
}
