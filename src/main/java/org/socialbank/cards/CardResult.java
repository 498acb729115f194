package org.socialbank.cards;

/** The outcome of issuing a card or changing its status: a refusal is a value. */
public sealed interface CardResult {

    /** {@code replayed} when the card was already issued (or already in that status). */
    record Done(Card card, boolean replayed) implements CardResult {}

    record Refused(CardRefusal code) implements CardResult {}
}
