package org.socialbank.listening.cases;

import java.time.Instant;
import org.socialbank.shared.Network;

/**
 * A private message staff sent from a case, handed to the conversation outbox in the transaction
 * that recorded it.
 *
 * @param network where it went
 * @param linkedCustomer true: to the customer's linked chat; false: a direct message to an
 *     unlinked author, held to the public-reply rules
 */
public record PrivateMessage(String author, String text, Network network, boolean linkedCustomer, Instant writtenAt) {
}
