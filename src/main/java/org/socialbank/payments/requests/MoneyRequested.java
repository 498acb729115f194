package org.socialbank.payments.requests;

import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * Someone was asked for money: tell the payer in their chats when a customer, else give the
 * requester the pay link to forward. Published in the transaction that stored the request.
 *
 * @param payerCustomerId null when the alias is nobody's here
 * @param payUrl the one-time pay link for a payer who is not a customer; null for a customer (who pays in a chat or app)
 * @param splitId the split the request belongs to, or null
 */
public record MoneyRequested(
        RequestId requestId,
        CustomerId requesterCustomerId,
        String requesterMaskedName,
        CustomerId payerCustomerId,
        Alias payer,
        long amountMinor,
        CurrencyCode currency,
        String payUrl,
        String channel,
        String note,
        SplitId splitId) {}
