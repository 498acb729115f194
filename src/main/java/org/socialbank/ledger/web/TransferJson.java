package org.socialbank.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.socialbank.ledger.Transfer;

/**
 * A journal row as the API shows it.
 *
 * @param kind single_phase, pending, post_pending, void_pending or expire_pending
 * @param status for a pending transfer: pending, posted, voided or expired
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransferJson(
        UUID id,
        UUID debitAccountId,
        UUID creditAccountId,
        long amountMinor,
        String currency,
        String code,
        boolean pending,
        long timeoutSeconds,
        Map<String, String> metadata,
        String kind,
        UUID pendingId,
        String status,
        Instant expiresAt,
        Instant createdAt) {

    static TransferJson of(Transfer t) {
        return new TransferJson(
                t.id().value(),
                t.debitAccountId().value(),
                t.creditAccountId().value(),
                t.amountMinor(),
                t.currency().code(),
                t.code().value(),
                t.pending(),
                t.timeoutSeconds(),
                t.metadata().entries(),
                t.kind().wireName(),
                t.pendingId() == null ? null : t.pendingId().value(),
                t.pendingStatus() == null ? null : t.pendingStatus().wireName(),
                t.expiresAt(),
                t.createdAt());
    }
}
