package org.socialbank.billing;

import org.socialbank.directory.CustomerId;

/**
 * A top-up ended: the operator charged the number ({@code completed}, with its trace number) or
 * refused it or never received it (the money is back; {@code code} says why). Published in the
 * transaction that booked the operator's answer, so a listener writing to an outbox tells it once.
 */
public record TopUpEnded(TopUpId id, CustomerId customerId, String phoneE164, String operator, long amountMinor,
        String currency, boolean completed, String code, String traceNumber, String channel) {
}
