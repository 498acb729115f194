package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A top-up ended: the operator charged the number ({@code completed}, with its trace number) or
 * refused it or never received it (the money is back; {@code code} says why), or a top-up held for
 * the step-up was not confirmed ({@code notConfirmed}: nothing moved; {@code code} says why). {@code points} (0:
 * none) loyalty points paid {@code discountMinor} of {@code amountMinor} (issue 16 s3.7): spent when
 * it completed, the customer's again when not. Published in the transaction that booked the
 * operator's answer, so a listener writing to an outbox tells it once.
 */
public record TopUpEnded(
        TopUpId id,
        CustomerId customerId,
        String phoneE164,
        String operator,
        long amountMinor,
        String currency,
        boolean completed,
        String code,
        String traceNumber,
        String channel,
        long points,
        long discountMinor,
        boolean notConfirmed) {}
