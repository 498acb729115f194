package org.socialbank.sweeping;

import java.util.Locale;

/**
 * Where a pull is: PENDING (recorded, provider not answered yet), UNKNOWN (the provider could not
 * tell; re-checked later), SUCCEEDED (booked in the ledger), FAILED (the provider refused; nothing
 * moved), REFUSED (our own check refused it before the provider was asked; see the code).
 */
public enum PullStatus {
    PENDING,
    UNKNOWN,
    SUCCEEDED,
    FAILED,
    REFUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Counts against the consent's period: it moved money or still may. */
    boolean counts() {
        return this == PENDING || this == UNKNOWN || this == SUCCEEDED;
    }
}
