package org.socialbank.directory;

import org.socialbank.shared.Network;

/**
 * Who holds a handle on a network now, as the network itself answers (not as a chat message
 * reported it): an SPI a channel implements where handles can change hands and reported handles
 * prove nothing, such as X, whose immutable user id is what claims are bound to.
 */
public interface HandleHolders {

    Network network();

    /** The holder of the handle (without '@'), asking the network; never throws for a "no". */
    Holder holder(String handle);

    /** What the network said. */
    sealed interface Holder permits Found, NoSuchAccount, Unknown {}

    /** The account that holds the handle now: its immutable id on the network. */
    record Found(String externalId) implements Holder {

        public Found {
            if (externalId == null || !externalId.matches("[0-9A-Za-z_-]{1,128}")) {
                throw new IllegalArgumentException("not an account id: " + externalId);
            }
        }
    }

    /** The network has no account with that handle (or it cannot receive messages). */
    record NoSuchAccount() implements Holder {}

    /** No answer now (no connection, rate limited): ask again later. */
    record Unknown(String reason) implements Holder {}
}
