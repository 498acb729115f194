package org.socialbank.payments.requests;

import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** The requester withdrew a request: tell a payer who is a customer that it is no longer due. */
public record RequestCancelled(
        RequestId requestId,
        SplitId splitId,
        CustomerId requesterCustomerId,
        CustomerId payerCustomerId,
        Alias payer,
        long amountMinor,
        CurrencyCode currency) {}
