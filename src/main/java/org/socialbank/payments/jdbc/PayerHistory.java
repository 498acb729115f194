package org.socialbank.payments.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.risk.History;
import org.socialbank.shared.CurrencyCode;

/**
 * A payer's past as the risk policy will ask about it for one attempt, read in one query
 * ({@link JdbcPayments#history}) instead of one per rule (issue 22). A question the snapshot was
 * not read for (another payer, currency, channel or period, the new payees of the day) goes to
 * the payments table as it comes, so the answers are always those of {@link PaymentHistory}. Both
 * count P2P payments only: other modules' confirmations are added on top of either answer by the
 * caller (the payments module's {@code JointHistory}), never folded into the totals.
 */
public final class PayerHistory implements History {

    /** The sums and counts of one read, for the questions it was made for. */
    record Totals(long monthMinor, long dayMinor, long channelDayMinor, int inBurst, int confirmedSinceLink) {}

    private final History.Questions asked;
    private final Totals totals;
    private final History live;

    PayerHistory(History.Questions asked, Totals totals, History live) {
        this.asked = asked;
        this.totals = totals;
        this.live = live;
    }

    @Override
    public long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from) {
        if (payer.equals(asked.payer()) && currency.equals(asked.currency())) {
            if (channel.isEmpty() && from.equals(asked.monthStart())) {
                return totals.monthMinor();
            }
            if (channel.isEmpty() && from.equals(asked.dayStart())) {
                return totals.dayMinor();
            }
            if (channel.filter(asked.channel()::equals).isPresent() && from.equals(asked.dayStart())) {
                return totals.channelDayMinor();
            }
        }
        return live.sentMinor(payer, currency, channel, from);
    }

    @Override
    public int paymentsSince(CustomerId payer, Instant from) {
        return payer.equals(asked.payer()) && from.equals(asked.burstFrom())
                ? totals.inBurst()
                : live.paymentsSince(payer, from);
    }

    @Override
    public int newPayeesSince(CustomerId payer, Instant from) {
        return live.newPayeesSince(payer, from); // asked only for a new payee: rare after the first payments
    }

    @Override
    public int confirmedSince(CustomerId payer, String channel, Instant from) {
        return payer.equals(asked.payer())
                        && channel.equals(asked.channel())
                        && asked.linkedAt().filter(from::equals).isPresent()
                ? totals.confirmedSinceLink()
                : live.confirmedSince(payer, channel, from);
    }
}
