package org.socialbank.payments.risk;

import java.time.Instant;
import java.util.Optional;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * What the payer did before: the payments module answers from its payments table, adding for a
 * chat's confirmations those of the other modules ({@link ConfirmationsElsewhere}); billing answers
 * from its own tables, adding the payments module's confirmations.
 */
public interface History {

    /**
     * Money the payer committed (payments not rejected, cancelled or returned) created at or after
     * {@code from}, in minor units of {@code currency}; only payments asked for in {@code channel}
     * when it is present.
     */
    long sentMinor(CustomerId payer, CurrencyCode currency, Optional<String> channel, Instant from);

    /** Payments the payer asked for at or after {@code from}, whatever became of them. */
    int paymentsSince(CustomerId payer, Instant from);

    /** Distinct payees the payer paid for the first time at or after {@code from}. */
    int newPayeesSince(CustomerId payer, Instant from);

    /**
     * Payments the payer asked for in {@code channel} at or after {@code from} that were held,
     * confirmed on the bank's page and then carried out (money moved): P2P payments and billing's
     * (bills, top-ups, card transfers) alike, so that one confirmation of either kind counts for
     * both (security review #4). A payment merely waiting for its confirmation does not count.
     */
    int confirmedSince(CustomerId payer, String channel, Instant from);

    /**
     * What {@link PaymentPolicy#assess} will ask about one attempt ({@link PaymentPolicy#questions}),
     * so that a store can answer it in one read (issue 22: one query instead of one per rule). A
     * history built from them must still answer any other question as asked.
     *
     * @param monthStart the start of the local month, for the monthly limit
     * @param dayStart the start of the local day, for the daily limits and the new payees
     * @param burstFrom the start of the burst window
     * @param linkedAt when the channel was linked, for the confirmations since then; empty when unlinked
     */
    record Questions(
            CustomerId payer,
            CurrencyCode currency,
            String channel,
            Instant monthStart,
            Instant dayStart,
            Instant burstFrom,
            Optional<Instant> linkedAt) {}
}
