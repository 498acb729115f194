package org.socialbank.payments.risk;

import java.time.Instant;
import org.socialbank.directory.CustomerId;

/**
 * Payments another module carries out for a customer (billing's bills, top-ups and card transfers)
 * that were held, confirmed on the bank's page and then carried out: the payments module adds them
 * to its own when its new-chat rule asks what was confirmed in a chat (security review #4), so a
 * confirmation of either kind counts for P2P payments as it does for billing's. The payments module
 * owns this interface so that it never depends on the modules that implement it; with no
 * implementation, only P2P confirmations count.
 */
public interface ConfirmationsElsewhere {

    /**
     * The implementing module's own payments of {@code payer} asked for in {@code channel} (a
     * network's wire name, e.g. {@code telegram}) at or after {@code from} that were held, confirmed
     * on the bank's page and carried out; never the payments module's (it counts those itself). A
     * payment merely waiting for its confirmation does not count.
     */
    int confirmedSince(CustomerId payer, String channel, Instant from);
}
