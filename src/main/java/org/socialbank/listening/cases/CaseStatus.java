package org.socialbank.listening.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A public mention is open until a reply is recorded (answered); a complaint stays open until it
 * is closed (its deadline is for the final response, not the first reply). Closed by staff.
 */
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
