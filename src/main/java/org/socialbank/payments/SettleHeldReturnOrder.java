package org.socialbank.payments;

import java.util.Objects;
import org.socialbank.ledger.AccountId;

/**
 * Operations' order to settle a held return by hand (review 2026-12-07 money follow-up): move the
 * held money from the settlement account to another account of the payer's.
 *
 * @param idempotencyKey the operator's key for this request: a retry with the same key and the same
 *     order answers the same settlement; the key with another order is refused
 * @param reason why, for the audit (1 to {@link #REASON_LENGTH_MAX} characters, stripped)
 * @param settledBy who ordered it: the API client's name (its token's fingerprint)
 */
public record SettleHeldReturnOrder(
        PaymentId paymentId, AccountId toAccountId, String reason, String idempotencyKey, String settledBy) {

    public static final int REASON_LENGTH_MAX = 500;
    public static final int IDEMPOTENCY_KEY_LENGTH_MAX = 255;
    public static final int SETTLED_BY_LENGTH_MAX = 200;

    public SettleHeldReturnOrder {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        reason = Objects.requireNonNull(reason, "reason").strip();
        if (reason.isEmpty() || reason.length() > REASON_LENGTH_MAX) {
            throw new IllegalArgumentException("reason must be 1 to " + REASON_LENGTH_MAX + " characters");
        }
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            throw new IllegalArgumentException(
                    "Idempotency-Key must be 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters");
        }
        Objects.requireNonNull(settledBy, "settledBy");
        if (settledBy.isBlank() || settledBy.length() > SETTLED_BY_LENGTH_MAX) {
            throw new IllegalArgumentException("settledBy must be 1 to " + SETTLED_BY_LENGTH_MAX + " characters");
        }
    }
}
