package org.socialbank.alerts;

import org.socialbank.shared.Network;

/** Networks where what the bank writes may be seen by others: an alert never goes there. */
public final class PublicNetworks {

    private PublicNetworks() {}

    /** X: a reply may be public and DMs are bound to follow rules; the bank treats it as public. */
    public static boolean isPublic(Network network) {
        return network == Network.X;
    }
}
