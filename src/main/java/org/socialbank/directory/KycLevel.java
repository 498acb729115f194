package org.socialbank.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How well the bank knows a customer; it bounds what the customer may do. */
public enum KycLevel {
    /** Known only by an alias, e.g. someone who claimed a payment into a low-limit wallet. */
    CLAIM_ONLY,
    BASIC,
    FULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KycLevel> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
