package org.socialbank.ledger;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * A row of the append-only journal.
 *
 * @param pendingId for a post, void or expiry: the pending transfer it resolves; else null
 * @param pendingStatus for a pending transfer: where it is now; else null
 * @param expiresAt for a pending transfer with a timeout: when it expires; else null
 */
public record Transfer(
        TransferId id,
        AccountId debitAccountId,
        AccountId creditAccountId,
        long amountMinor,
        CurrencyCode currency,
        TransferCode code,
        TransferKind kind,
        TransferId pendingId,
        long timeoutSeconds,
        Metadata metadata,
        Instant createdAt,
        PendingStatus pendingStatus,
        Instant expiresAt) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean pending() {
        return kind == TransferKind.PENDING;
    }

    public Transfer withPendingStatus(PendingStatus status) {
        return new Transfer(
                id,
                debitAccountId,
                creditAccountId,
                amountMinor,
                currency,
                code,
                kind,
                pendingId,
                timeoutSeconds,
                metadata,
                createdAt,
                status,
                expiresAt);
    }
}
