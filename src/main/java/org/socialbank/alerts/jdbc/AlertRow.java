package org.socialbank.alerts.jdbc;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.alerts.AlertKind;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** One stored alert: one per (journal row, customer account). */
public record AlertRow(
        UUID id,
        UUID transferId,
        UUID accountId,
        CustomerId customerId,
        AlertKind kind,
        long amountMinor,
        CurrencyCode currency,
        long balanceAfterMinor,
        String counterparty,
        Instant postedAt,
        String status,
        Instant dueAt) {}
