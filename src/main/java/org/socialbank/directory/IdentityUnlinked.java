package org.socialbank.directory;

import org.socialbank.shared.Network;

/** A chat account is no longer tied to the customer; it gets public answers only from now on. */
public record IdentityUnlinked(IdentityId identityId, Network channel, CustomerId customerId) {}
