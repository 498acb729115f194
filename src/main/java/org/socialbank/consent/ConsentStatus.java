package org.socialbank.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum ConsentStatus {
    GIVEN,
    WITHDRAWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
