package org.socialbank.payments.requests.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.payments.Payment;
import org.socialbank.payments.requests.MoneyRequest;
import org.socialbank.payments.requests.Reminders;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.Split;

/** A request as the API answers it; members that do not apply are left out. */
record RequestJson(
        UUID id,
        UUID splitId,
        UUID requesterCustomerId,
        String requesterMaskedName,
        AliasJson from,
        UUID payerCustomerId,
        long amountMinor,
        String currency,
        String note,
        String channel,
        String status,
        String payUrl,
        String paymentReference,
        UUID paymentId,
        Instant expiresAt,
        Instant remindedAt,
        Instant createdAt,
        Instant updatedAt) {

    record AliasJson(String type, String value, String network) {

        static AliasJson of(Alias a) {
            return new AliasJson(
                    a.type().wireName(),
                    a.value(),
                    a.network() == null ? null : a.network().wireName());
        }
    }

    static RequestJson of(MoneyRequest r) {
        return new RequestJson(
                r.id().value(),
                r.splitId() == null ? null : r.splitId().value(),
                r.requesterCustomerId().value(),
                r.requesterMaskedName(),
                AliasJson.of(r.from()),
                r.payerCustomerId() == null ? null : r.payerCustomerId().value(),
                r.amountMinor(),
                r.currency().code(),
                r.note(),
                r.channel(),
                r.status().wireName(),
                r.payUrl(),
                r.paymentReference(),
                r.paymentId() == null ? null : r.paymentId().value(),
                r.expiresAt(),
                r.remindedAt(),
                r.createdAt(),
                r.updatedAt());
    }

    /** A payment of a request, as far as the payer's app needs it; the full payment is at {@code /api/v1/payments/{id}}. */
    record PaymentJson(
            UUID id,
            String status,
            String code,
            long amountMinor,
            String currency,
            String confirmationUrl,
            Long limitMinor,
            Long usedMinor,
            Instant resetsAt) {

        static PaymentJson of(Payment p) {
            return new PaymentJson(
                    p.id().value(),
                    p.status().wireName(),
                    p.code(),
                    p.amountMinor(),
                    p.currency().code(),
                    p.links().confirmationUrl(),
                    p.limit().limitMinor(),
                    p.limit().usedMinor(),
                    p.limit().resetsAt());
        }
    }

    /** The answer to paying a request: the payment, and the request after it. */
    record Paid(RequestJson request, PaymentJson payment) {}

    record SplitJson(
            UUID id,
            UUID organiserCustomerId,
            long totalMinor,
            String currency,
            String note,
            String channel,
            boolean includeOrganiser,
            long organiserShareMinor,
            String status,
            long paidMinor,
            long outstandingMinor,
            List<RequestJson> requests,
            Instant createdAt) {

        static SplitJson of(Split s) {
            return new SplitJson(
                    s.id().value(),
                    s.organiserCustomerId().value(),
                    s.totalMinor(),
                    s.currency().code(),
                    s.note(),
                    s.channel(),
                    s.includeOrganiser(),
                    s.organiserShareMinor(),
                    s.status(),
                    s.paidMinor(),
                    s.outstandingMinor(),
                    s.requests().stream().map(RequestJson::of).toList(),
                    s.createdAt());
        }
    }

    record RemindersJson(UUID splitId, List<UUID> reminded, List<UUID> tooSoon, Instant nextAt) {

        static RemindersJson of(Reminders r) {
            return new RemindersJson(
                    r.splitId().value(),
                    r.reminded().stream().map(RequestId::value).toList(),
                    r.tooSoon().stream().map(RequestId::value).toList(),
                    r.nextAt());
        }
    }
}
