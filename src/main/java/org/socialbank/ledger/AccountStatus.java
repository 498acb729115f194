package org.socialbank.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Open accounts move money; frozen ones keep it (pending reservations may still be voided); closed is final. */
public enum AccountStatus {
    OPEN,
    FROZEN,
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccountStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
