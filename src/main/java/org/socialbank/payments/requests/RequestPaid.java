package org.socialbank.payments.requests;

import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentId;
import org.socialbank.shared.CurrencyCode;

/**
 * A request was paid: tell the requester (and the organiser of its split).
 *
 * @param payerCustomerId null when it was paid by an interbank credit
 * @param paymentId the payment that paid it; null when an interbank credit did
 */
public record RequestPaid(
        RequestId requestId,
        SplitId splitId,
        CustomerId requesterCustomerId,
        CustomerId payerCustomerId,
        long amountMinor,
        CurrencyCode currency,
        PaymentId paymentId) {}
