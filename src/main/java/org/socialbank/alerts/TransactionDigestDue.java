package org.socialbank.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.socialbank.directory.IdentityId;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;
import org.socialbank.shared.Network;

/**
 * A customer's daily digest of her alerts (issue 17), published in the transaction that records
 * it: the conversation engine writes it to its outbox there, so it goes once per customer per day.
 *
 * @param day the day in her zone the postings belong to
 * @param totals one line per currency
 * @param chatIdentity the private chat chosen for it, never on a public network
 * @param weekly whether {@code day} is the Monday of a week whose postings it sums
 */
public record TransactionDigestDue(
        UUID digestId,
        LocalDate day,
        int postings,
        List<Total> totals,
        Language language,
        IdentityId chatIdentity,
        Network channel,
        String recipient,
        boolean weekly) {

    public TransactionDigestDue {
        totals = List.copyOf(totals);
    }

    /** The day in one currency: money in, money out, fees, and the balance after the day's last posting. */
    public record Total(
            CurrencyCode currency,
            int postings,
            long incomingMinor,
            long outgoingMinor,
            long feeMinor,
            long balanceAfterMinor) {}
}
