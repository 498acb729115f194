package org.socialbank.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an alias addresses a person. */
public enum AliasType {
    PHONE,
    EMAIL,
    TAG,
    HANDLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AliasType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
