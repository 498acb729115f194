package org.socialbank.conversation.language;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a command names the other party. */
public enum PayeeType {
    HANDLE,
    PHONE,
    EMAIL,
    TAG,
    NAME;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PayeeType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
