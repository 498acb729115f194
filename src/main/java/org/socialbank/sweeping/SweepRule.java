package org.socialbank.sweeping;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/** A standing rule: every month on {@code dayOfMonth} (the month's last day when shorter), collect all but {@code keepMinor}. */
public record SweepRule(
        RuleId id,
        CustomerId customerId,
        ConsentId consentId,
        int dayOfMonth,
        long keepMinor,
        boolean active,
        Instant createdAt) {}
