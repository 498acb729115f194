package org.socialbank.billing;

import java.time.Instant;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.risk.ConfirmationsElsewhere;
import org.springframework.stereotype.Component;

/**
 * Billing's confirmations for the payments module's new-chat rule (security review #4): a bill,
 * top-up or card transfer asked for in a chat and confirmed on the bank's page counts for the P2P
 * payments of that chat, as a P2P confirmation counts for billing ({@link BillHistory}). Billing's
 * own only: the payments module counts its own, so {@link BillHistory#confirmedSince}, which adds
 * them, is not what is reported.
 */
@Component
class ConfirmedBillingPayments implements ConfirmationsElsewhere {

    private final JdbcSpending spending;

    ConfirmedBillingPayments(JdbcSpending spending) {
        this.spending = spending;
    }

    @Override
    public int confirmedSince(CustomerId payer, String channel, Instant from) {
        return spending.confirmedSince(payer, channel, from);
    }
}
