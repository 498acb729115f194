package org.socialbank.sweeping;

import java.util.Objects;
import org.socialbank.directory.CustomerId;

/** Create a standing rule; the id makes it idempotent. */
public record RuleRequest(RuleId id, CustomerId customer, ConsentId consent, int dayOfMonth, long keepMinor) {

    public RuleRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(consent, "consent");
    }
}
