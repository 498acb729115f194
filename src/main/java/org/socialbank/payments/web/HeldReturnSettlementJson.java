package org.socialbank.payments.web;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.payments.SettleResult;

/**
 * A held return operations settled by hand: the payment as it is now ({@code returned}, code
 * {@code settled_by_hand}) and the record of the settlement (review 2026-12-07 money follow-up).
 */
record HeldReturnSettlementJson(PaymentJson payment, SettlementJson settlement) {

    record SettlementJson(UUID toAccountId, UUID transferId, String reason, String settledBy, Instant settledAt) {}

    static HeldReturnSettlementJson of(SettleResult.Settled settled) {
        SettleResult.Settlement s = settled.settlement();
        return new HeldReturnSettlementJson(
                PaymentJson.of(settled.payment()),
                new SettlementJson(
                        s.toAccountId().value(), s.transferId().value(), s.reason(), s.settledBy(), s.settledAt()));
    }
}
