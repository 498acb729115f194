package org.socialbank.sweeping;

import java.util.Objects;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A pull asked for in chat has ended: the money {@code arrived}, or not and {@code reason} is the
 * refusal or failure code (over_period_limit, consent_expired, nothing_to_collect, the provider's
 * reason...). Published once, inside the transaction that marks it told, so a listener writing to
 * the chat's outbox writes once.
 */
public record CollectionSettled(
        PullId pullId,
        CustomerId customerId,
        String bank,
        String accountRef,
        long amountMinor,
        CurrencyCode currency,
        boolean arrived,
        String reason) {

    public CollectionSettled {
        Objects.requireNonNull(pullId, "pullId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
    }
}
