package org.socialbank.conversation;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.directory.CustomerId;
import org.socialbank.directory.IdentityId;

/**
 * A customer pressed "This wasn't me" under a transaction alert in a private chat (issue 17): the
 * bank has already locked their cards; listeners put a person on it (the handoff module opens a
 * fraud case in that chat, ahead of every other case). Published in the transaction of the press.
 *
 * @param alertId the alert the customer disowned (the alerts module knows its posting)
 */
public record FraudReported(IdentityId chat, CustomerId customer, UUID alertId, int cardsLocked, Instant at) {}
