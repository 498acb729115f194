package org.socialbank.payments.requests;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a money request is; the wire name is the lower-case constant name. */
public enum RequestStatus {
    /** Waiting for the payer to pay or decline. */
    OPEN,
    /** The payer paid (through a payment, or by an interbank credit with the request's reference). */
    PAID,
    /** The payer said no. */
    DECLINED,
    /** Nobody paid before the request's expiry. */
    EXPIRED,
    /** The requester withdrew it. */
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequestStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
