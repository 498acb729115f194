package org.socialbank.handoff;

import java.time.Instant;
import java.util.Objects;
import org.socialbank.directory.IdentityId;

/**
 * An agent closed a case: resolved it, or handed the conversation back to the bot. Published in
 * the transaction of the close, so what another module keeps in step with it (a listening case
 * handed to a person) changes with it or not at all.
 *
 * @param resolved true when resolved (the customer was asked for a rating), false when handed back
 */
public record HandoffClosed(CaseId caseId, IdentityId identity, boolean resolved, Instant at) {

    public HandoffClosed {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(at, "at");
    }
}
