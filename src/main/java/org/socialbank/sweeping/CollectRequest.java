package org.socialbank.sweeping;

import java.util.Objects;
import java.util.OptionalLong;
import org.socialbank.directory.CustomerId;

/**
 * Collect money now: {@code amountMinor} when given, else all the external balance above
 * {@code keepMinor} as far as the consent allows. The id makes it idempotent.
 */
public record CollectRequest(
        PullId id, CustomerId customer, ConsentId consent, OptionalLong amountMinor, long keepMinor) {

    public CollectRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(amountMinor, "amountMinor");
    }
}
