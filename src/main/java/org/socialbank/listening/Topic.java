package org.socialbank.listening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a mention is about. The order is the priority when keywords of several topics match
 * equally often: a fraud report outranks a blocked card, which outranks a slow app.
 */
public enum Topic {
    FRAUD,
    CARD_BLOCKED,
    APP_DOWN,
    TRANSFER_DELAY,
    FEES,
    PRAISE,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Topic> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
