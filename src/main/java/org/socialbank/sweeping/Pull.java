package org.socialbank.sweeping;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** A pull from an external account as its customer sees it; {@code code} names a refusal or failure. */
public record Pull(
        PullId id,
        ConsentId consentId,
        CustomerId customerId,
        Optional<RuleId> ruleId,
        long amountMinor,
        CurrencyCode currency,
        PullStatus status,
        String code,
        String reference,
        Instant createdAt,
        Instant updatedAt) {}
