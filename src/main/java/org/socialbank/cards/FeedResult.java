package org.socialbank.cards;

/** The outcome of booking one feed transaction; a decline is a value and is kept with its code. */
public sealed interface FeedResult {

    /** {@code replayed} when the transaction had been booked before. */
    record Booked(boolean replayed) implements FeedResult {}

    record Declined(CardRefusal code) implements FeedResult {}

    /**
     * A refund the bank could not book now (the card is unknown, its account frozen or closed, another
     * currency): it is not kept and not acknowledged, so the processor delivers it again; the money is
     * the customer's and is never declined for good.
     */
    record NotBookedYet(CardRefusal code) implements FeedResult {}
}
