package org.socialbank.payments.requests;

import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** The payer declined a request: tell the requester. */
public record RequestDeclined(
        RequestId requestId,
        SplitId splitId,
        CustomerId requesterCustomerId,
        CustomerId payerCustomerId,
        Alias payer,
        long amountMinor,
        CurrencyCode currency) {}
