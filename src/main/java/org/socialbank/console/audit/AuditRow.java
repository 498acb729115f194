package org.socialbank.console.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the staff audit.
 *
 * @param whoId the member of staff, or null for a sign-in attempt with an unknown name
 * @param whoName the user name; for a sign-in under a name nobody has, only its length
 */
public record AuditRow(
        long seq,
        Instant recordedAt,
        UUID whoId,
        String whoName,
        String what,
        String subject,
        String why,
        String prevHash,
        String hash) {}
