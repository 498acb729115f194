package org.socialbank.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum CustomerStatus {
    ACTIVE,
    BLOCKED,
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CustomerStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
