package org.socialbank.payments.jdbc;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.shared.CurrencyCode;

/** One row of {@code payments}, as stored; nullable columns are null here too. */
public record PaymentRow(PaymentId id, CustomerId payer, Alias payee, CustomerId payeeCustomer,
        String payeeMaskedName, boolean newPayee, long amountMinor, CurrencyCode currency, String channel,
        PaymentStatus status, String code, Long limitMinor, Long usedMinor, Instant resetsAt, UUID transferId,
        UUID settleTransferId, UUID returnTransferId, UUID confirmationId, String confirmationUrl,
        String claimTokenHash, Instant claimExpiresAt, String claimCodeHash, Instant claimCodeExpiresAt,
        int claimAttempts, int claimCodesSent, String networkCodeHash, Instant claimProvenAt,
        CustomerId claimant, UUID payoutId, Instant createdAt, Instant updatedAt) {

    /** A new payment with no claim, step-up or limit data yet. */
    public static PaymentRow fresh(PaymentId id, CustomerId payer, Alias payee, CustomerId payeeCustomer,
            String payeeMaskedName, boolean newPayee, long amountMinor, CurrencyCode currency, String channel,
            Instant now) {
        return new PaymentRow(id, payer, payee, payeeCustomer, payeeMaskedName, newPayee, amountMinor, currency,
                channel, PaymentStatus.REJECTED, null, null, null, null, null, null, null, null, null, null, null,
                null, null, 0, 0, null, null, null, null, now, now);
    }

    public PaymentRow rejected(String why, Long limit, Long used, Instant resets) {
        return new PaymentRow(id, payer, payee, payeeCustomer, payeeMaskedName, newPayee, amountMinor, currency,
                channel, PaymentStatus.REJECTED, why, limit, used, resets, transferId, settleTransferId,
                returnTransferId, confirmationId, confirmationUrl, claimTokenHash, claimExpiresAt, claimCodeHash,
                claimCodeExpiresAt, claimAttempts, claimCodesSent, networkCodeHash, claimProvenAt, claimant,
                payoutId, createdAt, updatedAt);
    }

    public PaymentRow completed(UUID transfer) {
        return withState(PaymentStatus.COMPLETED, null, transfer, null, null, null, null);
    }

    public PaymentRow held(UUID challenge, String url) {
        return withState(PaymentStatus.AWAITING_CONFIRMATION, null, null, challenge, url, null, null);
    }

    public PaymentRow escrowed(UUID pending, String tokenHash, Instant expiresAt, String networkHash) {
        PaymentRow r = withState(PaymentStatus.AWAITING_CLAIM, null, pending, null, null, tokenHash, expiresAt);
        return new PaymentRow(id, payer, payee, payeeCustomer, payeeMaskedName, newPayee, amountMinor, currency,
                channel, r.status, null, null, null, null, r.transferId, null, null, confirmationId, confirmationUrl,
                r.claimTokenHash, r.claimExpiresAt, null, null, 0, 0, networkHash, null, null, null, createdAt,
                updatedAt);
    }

    private PaymentRow withState(PaymentStatus next, String why, UUID transfer, UUID challenge, String url,
            String tokenHash, Instant expiresAt) {
        return new PaymentRow(id, payer, payee, payeeCustomer, payeeMaskedName, newPayee, amountMinor, currency,
                channel, next, why, limitMinor, usedMinor, resetsAt, transfer != null ? transfer : transferId,
                settleTransferId, returnTransferId, challenge != null ? challenge : confirmationId,
                url != null ? url : confirmationUrl, tokenHash != null ? tokenHash : claimTokenHash,
                expiresAt != null ? expiresAt : claimExpiresAt, claimCodeHash, claimCodeExpiresAt, claimAttempts,
                claimCodesSent, networkCodeHash, claimProvenAt, claimant, payoutId, createdAt, updatedAt);
    }

    /** Whether an order carries the same content as this payment (a replay) rather than other content. */
    public boolean sameOrder(CustomerId otherPayer, Alias otherPayee, long otherAmountMinor, CurrencyCode otherCurrency,
            String otherChannel) {
        return payer.equals(otherPayer) && payee.equals(otherPayee) && amountMinor == otherAmountMinor
                && currency.equals(otherCurrency) && channel.equals(otherChannel);
    }
}
