package org.socialbank.payments.requests;

import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * The organiser asked to remind a member who has not paid: remind the payer in their chats, or
 * give the organiser the pay link again for one who is not a customer.
 *
 * @param payerCustomerId null when the alias is nobody's here
 * @param payUrl the pay link for a payer who is not a customer; else null
 */
public record RequestReminderDue(
        RequestId requestId,
        SplitId splitId,
        CustomerId requesterCustomerId,
        String requesterMaskedName,
        CustomerId payerCustomerId,
        Alias payer,
        long amountMinor,
        CurrencyCode currency,
        String payUrl,
        String channel) {}
