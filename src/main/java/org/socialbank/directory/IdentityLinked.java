package org.socialbank.directory;

import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * A chat account was tied to a customer. Channels tell that chat in the customer's language, and
 * alert the customer's other chats with the {@code unlinkUrl} ("not you? unlink here").
 */
public record IdentityLinked(
        IdentityId identityId, Network channel, CustomerId customerId, Language language, String unlinkUrl) {}
