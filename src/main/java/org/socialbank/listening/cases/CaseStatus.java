package org.socialbank.listening.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Open until a reply is recorded (answered), closed by staff. */
public enum CaseStatus {
    OPEN,
    ANSWERED,
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
