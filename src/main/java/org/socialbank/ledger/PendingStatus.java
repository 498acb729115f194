package org.socialbank.ledger;

import java.util.Locale;

/** Where a pending transfer is in its life. */
public enum PendingStatus {
    PENDING,
    POSTED,
    VOIDED,
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PendingStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
