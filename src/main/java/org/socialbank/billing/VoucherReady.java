package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A PIN voucher was sold (issue 15 s2): the customer reads its PIN once on the bank's page at
 * {@code url}. The PIN itself is in no event, message or log. Published in the transaction that
 * sealed the PIN.
 */
public record VoucherReady(
        TopUpId topUpId,
        CustomerId customerId,
        String phoneE164,
        String operator,
        long amountMinor,
        String currency,
        String url) {}
