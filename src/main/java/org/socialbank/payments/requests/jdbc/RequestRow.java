package org.socialbank.payments.requests.jdbc;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.requests.RequestId;
import org.socialbank.payments.requests.RequestStatus;
import org.socialbank.payments.requests.SplitId;
import org.socialbank.shared.CurrencyCode;

/**
 * A stored money request, in the parts that change together.
 *
 * @param splitId the split it belongs to; null for a request on its own
 * @param splitSeq its member's place in the split; null for a request on its own
 * @param payLink for a payer who is not a customer, how they pay; {@link PayLink#NONE} for a customer
 */
public record RequestRow(
        RequestId id,
        SplitId splitId,
        Integer splitSeq,
        Parties parties,
        long amountMinor,
        CurrencyCode currency,
        String note,
        String channel,
        RequestStatus status,
        PayLink payLink,
        Paying paying,
        Instant expiresAt,
        Instant remindedAt,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Who asks whom.
     *
     * @param requesterAlias the requester's alias that payments to them go to
     * @param payer the alias asked to pay
     * @param payerCustomer the payer when the alias was a customer's; else null
     */
    public record Parties(
            CustomerId requester,
            String requesterMaskedName,
            Alias requesterAlias,
            Alias payer,
            CustomerId payerCustomer) {}

    /**
     * @param tokenHash the hash of the pay link's token
     * @param reference the interbank payment reference
     */
    public record PayLink(String tokenHash, String reference) {

        public static final PayLink NONE = new PayLink(null, null);
    }

    /**
     * How it is being paid.
     *
     * @param attempt the number of the payer's current payment attempt (0: none yet)
     * @param paymentId the current attempt's payment, once asked for
     * @param creditTransferId the transfer that booked an interbank credit that paid it
     */
    public record Paying(int attempt, UUID paymentId, UUID creditTransferId) {

        public static final Paying NONE = new Paying(0, null, null);
    }

    public CustomerId requester() {
        return parties.requester();
    }

    public Alias payer() {
        return parties.payer();
    }

    /** The payer when a customer; null when the alias was nobody's. */
    public CustomerId payerCustomer() {
        return parties.payerCustomer();
    }

    /** Whether an order with this content would have made this request (a replay) rather than another one. */
    public boolean sameOrder(
            CustomerId requester, Alias payer, long amountMinor, CurrencyCode currency, String note, String channel) {
        return splitId == null
                && requester().equals(requester)
                && payer().equals(payer)
                && this.amountMinor == amountMinor
                && this.currency.equals(currency)
                && Objects.equals(this.note, note)
                && this.channel.equals(channel);
    }

    public boolean open() {
        return status == RequestStatus.OPEN;
    }
}
