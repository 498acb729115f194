package org.socialbank.payments.risk;

import java.util.List;

/** The payment may go ahead without a confirmation. */
public record Allow(List<Check> checks) implements Decision {

    public Allow {
        checks = List.copyOf(checks);
    }
}
