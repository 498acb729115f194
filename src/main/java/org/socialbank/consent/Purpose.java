package org.socialbank.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a consent is for. Service messages (alerts, replies) are no purpose: they never need one. */
public enum Purpose {
    MARKETING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Purpose> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }
}
