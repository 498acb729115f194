package org.socialbank.conversation;

import org.socialbank.directory.IdentityId;
import org.socialbank.shared.Network;

/**
 * A text another module has the bank send to a chat (a public reply staff wrote, a spike alert
 * for the staff's group), published in the transaction that records it: the engine writes it to
 * its outbox there, so it leaves once, through the network's sender.
 *
 * @param chatIdentity the chat account the message belongs to (the author replied to, the group)
 * @param recipient where the network's sender delivers it (a chat id, or {@code tweet:<id>} on X)
 */
public record ChatMessageDue(IdentityId chatIdentity, Network channel, String recipient, String text) {}
