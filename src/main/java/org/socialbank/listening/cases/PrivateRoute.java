package org.socialbank.listening.cases;

import org.socialbank.directory.ChannelIdentity;
import org.socialbank.shared.Network;

/**
 * Where a private message on a case goes: a chat account the bank may write to.
 *
 * @param linkedCustomer true when the account is linked to the customer who wrote the mention;
 *     false for a direct message to an author who is not (X only), which says nothing personal
 */
public record PrivateRoute(ChannelIdentity chat, boolean linkedCustomer) {

    public Network network() {
        return chat.channel();
    }
}
