package org.socialbank.applications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What is applied for. */
public enum Product {
    CREDIT_CARD,
    LOAN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Product> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }
}
