package org.socialbank.cards;

/** The outcome of booking one feed transaction; a decline is a value and is kept with its code. */
public sealed interface FeedResult {

    /** {@code replayed} when the transaction had been booked before. */
    record Booked(boolean replayed) implements FeedResult {}

    record Declined(CardRefusal code) implements FeedResult {}
}
