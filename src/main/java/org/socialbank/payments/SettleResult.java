package org.socialbank.payments;

import java.time.Instant;
import org.socialbank.ledger.AccountId;
import org.socialbank.ledger.TransferId;

/** What became of an order to settle a held return by hand: a value, never an exception. */
public sealed interface SettleResult {

    /**
     * Settled: the payment is {@code returned} with the code {@link Settlement#CODE}.
     *
     * @param replayed true when the same order with the same key had settled it before
     */
    record Settled(Payment payment, Settlement settlement, boolean replayed) implements SettleResult {}

    /** Refused; nothing moved. */
    record Refused(SettleRefusal refusal) implements SettleResult {}

    /**
     * The record of a settlement by hand, as stored.
     *
     * @param transferId the ledger transfer settlement account → {@code toAccountId}
     * @param settledBy the API client that ordered it
     */
    record Settlement(
            String idempotencyKey,
            AccountId toAccountId,
            TransferId transferId,
            String reason,
            String settledBy,
            Instant settledAt) {

        /** A payment's code once its held return was settled by hand (its status is {@code returned}). */
        public static final String CODE = "settled_by_hand";
    }
}
