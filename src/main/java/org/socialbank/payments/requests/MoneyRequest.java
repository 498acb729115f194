package org.socialbank.payments.requests;

import java.time.Instant;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentId;
import org.socialbank.shared.CurrencyCode;

/**
 * A money request as its requester (or the bank's app) may see it.
 *
 * @param splitId the split it belongs to; null for a request on its own
 * @param from the alias asked to pay, as typed (normalized)
 * @param payerCustomerId the payer when the alias is a customer's; null when it was nobody's
 * @param payUrl while open, for a payer who is not a customer: the one-time pay link to forward
 * @param paymentReference for a payer who is not a customer: the reference an interbank credit must carry
 * @param paymentId the payment that paid it, or the attempt that waits for the payer's confirmation
 */
public record MoneyRequest(
        RequestId id,
        SplitId splitId,
        CustomerId requesterCustomerId,
        String requesterMaskedName,
        Alias from,
        CustomerId payerCustomerId,
        long amountMinor,
        CurrencyCode currency,
        String note,
        String channel,
        RequestStatus status,
        String payUrl,
        String paymentReference,
        PaymentId paymentId,
        Instant expiresAt,
        Instant remindedAt,
        Instant createdAt,
        Instant updatedAt) {}
