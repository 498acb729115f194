package org.socialbank.payments.requests;

import org.socialbank.payments.Payment;

/** The answer to paying a request: a business "no" is a value, not an exception. */
public sealed interface RequestPayment {

    /**
     * The payment of the request, as {@link org.socialbank.payments.Payments#pay} recorded it:
     * completed, awaiting its confirmation, or rejected with its {@link Payment#rejection()}.
     */
    record Attempted(Payment payment) implements RequestPayment {}

    /** No payment was made: the request or the payer refused it. */
    record Refused(RequestRejection rejection) implements RequestPayment {}
}
