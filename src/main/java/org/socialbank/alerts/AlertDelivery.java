package org.socialbank.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a customer takes her alerts: each posting at once, or one summary a day, or one a week
 * (weeks from Monday), in her zone (issue 17).
 */
public enum AlertDelivery {
    INSTANT,
    DAILY,
    WEEKLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertDelivery> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(name)).findFirst();
    }
}
