package org.socialbank.sweeping;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.socialbank.directory.CustomerId;

/**
 * A collection asked in chat from every linked account started pulls from some accounts and not
 * from others (review 2026-12-07 money follow-up): {@code asked} names the banks whose pulls
 * started (each pull's end is told later, as {@link CollectionSettled}), {@code notAsked} the others,
 * each with why ({@code consent_revoked} when its consent was revoked after the request, else the
 * code of the refusal that recorded nothing, as in {@link CollectionNotStarted}). Published once, in
 * the transaction that marks the request taken, so a listener writing to the chat's outbox writes
 * once.
 */
public record CollectionPartlyStarted(
        UUID requestId, CustomerId customerId, List<String> asked, List<NotAsked> notAsked) {

    /** An account whose pull did not start: its bank, and why. */
    public record NotAsked(String bank, String reason) {

        public NotAsked {
            Objects.requireNonNull(bank, "bank");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public CollectionPartlyStarted {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customerId, "customerId");
        asked = List.copyOf(asked);
        notAsked = List.copyOf(notAsked);
    }
}
