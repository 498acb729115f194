package org.socialbank.payments.requests;

import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/** Nobody paid a request in time: tell the requester (and the payer, that it is no longer due). */
public record RequestExpired(
        RequestId requestId,
        SplitId splitId,
        CustomerId requesterCustomerId,
        CustomerId payerCustomerId,
        Alias payer,
        long amountMinor,
        CurrencyCode currency) {}
