package org.socialbank.payments.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.payments.Payment;
import org.socialbank.payments.PaymentCheck;

/**
 * A payment as the API answers it; members that do not apply are left out. The nested parts are
 * unwrapped: on the wire a payment is one flat object.
 */
record PaymentJson(
        UUID id,
        UUID payerCustomerId,
        PayeeJson payee,
        String payeeMaskedName,
        long amountMinor,
        String currency,
        String channel,
        String status,
        String code,
        @JsonUnwrapped LimitJson limit,
        @JsonUnwrapped LinksJson links,
        @JsonUnwrapped AuditJson audit,
        Instant createdAt,
        Instant updatedAt) {

    record PayeeJson(String type, String value, String network) {}

    /** When a limit said no: the limit, what was used against it, when it resets. */
    record LimitJson(Long limitMinor, Long usedMinor, Instant resetsAt) {}

    record LinksJson(String confirmationUrl, String claimUrl, Instant claimExpiresAt) {}

    /** The risk decision: {@code decision}, why ({@code decisionReason}), and every check ({@code decisions}). */
    record AuditJson(String decision, String decisionReason, List<PaymentCheck> decisions) {}

    static PaymentJson of(Payment p) {
        var alias = p.payee().alias();
        return new PaymentJson(
                p.id().value(),
                p.payerCustomerId().value(),
                new PayeeJson(
                        alias.type().wireName(),
                        alias.value(),
                        alias.network() == null ? null : alias.network().wireName()),
                p.payee().maskedName(),
                p.amountMinor(),
                p.currency().code(),
                p.channel(),
                p.status().wireName(),
                p.code(),
                new LimitJson(
                        p.limit().limitMinor(), p.limit().usedMinor(), p.limit().resetsAt()),
                new LinksJson(
                        p.links().confirmationUrl(),
                        p.links().claimUrl(),
                        p.links().claimExpiresAt()),
                new AuditJson(
                        p.audit().decision(), p.audit().reason(), p.audit().checks()),
                p.createdAt(),
                p.updatedAt());
    }
}
