package org.socialbank.listening;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The polarity of a mention as the contract names it. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sentiment> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
