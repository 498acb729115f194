package org.socialbank.ledger;

import java.util.Objects;
import org.socialbank.shared.CurrencyCode;

/**
 * A request to book a single-phase or a pending transfer. Only the shape is checked here; the
 * business rules are the ledger's and come back as a {@link RejectionCode}.
 *
 * @param timeoutSeconds for a pending transfer, seconds until it expires (0: never); else 0
 */
public record NewTransfer(
        TransferId id,
        AccountId debitAccountId,
        AccountId creditAccountId,
        long amountMinor,
        CurrencyCode currency,
        TransferCode code,
        boolean pending,
        long timeoutSeconds,
        Metadata metadata) {

    /** A pending transfer cannot reserve money for more than a year. */
    public static final long TIMEOUT_SECONDS_MAX = 366L * 24 * 3600;

    public NewTransfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(code, "code");
        metadata = metadata == null ? Metadata.EMPTY : metadata;
        if (timeoutSeconds < 0 || timeoutSeconds > TIMEOUT_SECONDS_MAX) {
            throw new IllegalArgumentException("timeoutSeconds must be between 0 and " + TIMEOUT_SECONDS_MAX);
        }
    }

    /** A single-phase transfer with no notes. */
    public static NewTransfer posted(
            TransferId id, AccountId debit, AccountId credit, long amountMinor, CurrencyCode currency, String code) {
        return new NewTransfer(
                id, debit, credit, amountMinor, currency, new TransferCode(code), false, 0, Metadata.EMPTY);
    }

    public boolean sameAs(Transfer t) {
        TransferKind kind = pending ? TransferKind.PENDING : TransferKind.SINGLE_PHASE;
        return t.kind() == kind
                && t.debitAccountId().equals(debitAccountId)
                && t.creditAccountId().equals(creditAccountId)
                && t.amountMinor() == amountMinor
                && t.currency().equals(currency)
                && t.code().equals(code)
                && t.timeoutSeconds() == timeoutSeconds
                && t.metadata().equals(metadata);
    }
}
