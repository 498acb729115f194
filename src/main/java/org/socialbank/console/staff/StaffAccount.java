package org.socialbank.console.staff;

import java.time.Instant;
import org.socialbank.console.StaffMember;

/** A staff account as stored: the member and what signing in checks. */
record StaffAccount(
        StaffMember member,
        String passwordHash,
        String sealedSecret,
        boolean active,
        int failedAttempts,
        Instant lockedUntil,
        long lastTotpStep) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
