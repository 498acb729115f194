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
 * A stored money request.
 *
 * @param requesterAlias the requester's alias that payments to them go to
 * @param payer the alias asked to pay
 * @param payTokenHash for a payer who is not a customer: the hash of the pay link's token; else null
 * @param reference for a payer who is not a customer: the interbank payment reference; else null
 * @param payAttempt the number of the payer's current payment attempt (0: none yet)
 * @param paymentId the current attempt's payment, once asked for
 */
public record RequestRow(RequestId id, SplitId splitId, Integer splitSeq, CustomerId requester,
        String requesterMaskedName, Alias requesterAlias, Alias payer, CustomerId payerCustomer, long amountMinor,
        CurrencyCode currency, String note, String channel, RequestStatus status, String payTokenHash,
        String reference, int payAttempt, UUID paymentId, UUID creditTransferId, Instant expiresAt,
        Instant remindedAt, Instant createdAt, Instant updatedAt) {

    /** Whether an order with this content would have made this request (a replay) rather than another one. */
    public boolean sameOrder(CustomerId requester, Alias payer, long amountMinor, CurrencyCode currency, String note,
            String channel) {
        return splitId == null && this.requester.equals(requester) && this.payer.equals(payer)
                && this.amountMinor == amountMinor && this.currency.equals(currency)
                && Objects.equals(this.note, note) && this.channel.equals(channel);
    }

    public boolean open() {
        return status == RequestStatus.OPEN;
    }
}
