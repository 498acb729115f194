package org.socialbank.listening.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socialbank.conversation.ChatMessages;
import org.socialbank.shared.Network;

/**
 * A private message staff sent from a case, handed to the conversation outbox in the transaction
 * that recorded it; its outbox message tells how far the delivery got.
 *
 * @param network where it went
 * @param linkedCustomer true: to the customer's linked chat; false: a direct message to an
 *     unlinked author, held to the public-reply rules
 */
public record PrivateMessage(
        String author,
        String text,
        Network network,
        boolean linkedCustomer,
        Instant writtenAt,
        Optional<UUID> outboxId,
        Optional<ChatMessages.Delivery> delivery) {

    /** The delivery as the outbox knows it now (messages stored before outbox ids were kept have none). */
    PrivateMessage withDelivery(Map<UUID, ChatMessages.Delivery> deliveries) {
        return new PrivateMessage(
                author, text, network, linkedCustomer, writtenAt, outboxId, outboxId.map(deliveries::get));
    }
}
