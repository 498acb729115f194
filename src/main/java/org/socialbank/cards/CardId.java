package org.socialbank.cards;

import java.util.Objects;
import java.util.UUID;

/** Identifies a card (never its number). */
public record CardId(UUID value) {

    public CardId {
        Objects.requireNonNull(value, "card id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
