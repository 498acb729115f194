package org.socialbank.sweeping;

import java.util.Objects;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A collection asked in chat started no pull: its consent was revoked (or is gone) between the
 * request and the worker ({@code reason} consent_revoked), or the pull was refused without being
 * recorded ({@code reason} the refusal's code, e.g. consent_not_found, id_reused). {@code bank} is
 * the consent's bank, or null when the request was for every consent and none is left. Published
 * once, in the transaction that marks the request taken, so a listener writing to the chat's outbox
 * writes once.
 */
public record CollectionNotStarted(UUID requestId, CustomerId customerId, String bank, String reason) {

    public CollectionNotStarted {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
    }
}
