package org.socialbank.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a posting was for its customer: money in, money out, or a fee the bank took. */
public enum AlertKind {
    INCOMING,
    OUTGOING,
    FEE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
