package org.socialbank.payments.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentCheck;

/** A payment as the API answers it; members that do not apply are left out. */
record PaymentJson(UUID id, UUID payerCustomerId, PayeeJson payee, String payeeMaskedName, long amountMinor,
        String currency, String channel, String status, String code, Long limitMinor, Long usedMinor,
        Instant resetsAt, String confirmationUrl, String claimUrl, Instant claimExpiresAt, String decision,
        String decisionReason, List<PaymentCheck> decisions, Instant createdAt, Instant updatedAt) {

    record PayeeJson(String type, String value, String network) {
    }

    static PaymentJson of(Payment p) {
        return new PaymentJson(p.id().value(), p.payerCustomerId().value(),
                new PayeeJson(p.payee().type().wireName(), p.payee().value(),
                        p.payee().network() == null ? null : p.payee().network().wireName()),
                p.payeeMaskedName(), p.amountMinor(), p.currency().code(), p.channel(), p.status().wireName(),
                p.code(), p.limitMinor(), p.usedMinor(), p.resetsAt(), p.confirmationUrl(), p.claimUrl(),
                p.claimExpiresAt(), p.decision(), p.decisionReason(), p.checks(), p.createdAt(), p.updatedAt());
    }
}
