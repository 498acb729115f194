package org.socialbank.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.risk.ConfirmationsElsewhere;
import org.socialbank.payments.risk.History;
import org.socialbank.shared.CurrencyCode;

/**
 * A P2P payer's past as the risk policy sees it: the payments table's answers ({@code own}, one
 * read or as asked), except that a chat's confirmations are its own plus every other module's
 * ({@link ConfirmationsElsewhere}), so that a top-up confirmed on the bank's page lifts the new-chat
 * hold of a P2P payment as a P2P confirmation lifts billing's (security review #4). Limits and
 * counts of payments stay the payments module's own.
 */
record JointHistory(History own, List<ConfirmationsElsewhere> elsewhere) implements History {

    JointHistory {
        elsewhere = List.copyOf(elsewhere);
    }

    @Override
    public long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from) {
        return own.sentMinor(payer, currency, channel, from);
    }

    @Override
    public int paymentsSince(CustomerId payer, Instant from) {
        return own.paymentsSince(payer, from);
    }

    @Override
    public int newPayeesSince(CustomerId payer, Instant from) {
        return own.newPayeesSince(payer, from);
    }

    @Override
    public int confirmedSince(CustomerId payer, String channel, Instant from) {
        int confirmed = own.confirmedSince(payer, channel, from);
        for (ConfirmationsElsewhere other : elsewhere) {
            confirmed = Math.addExact(confirmed, other.confirmedSince(payer, channel, from));
        }
        return confirmed;
    }
}
