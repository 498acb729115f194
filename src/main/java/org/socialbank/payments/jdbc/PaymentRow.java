package org.socialbank.payments.jdbc;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.shared.CurrencyCode;

/** One row of {@code payments}, as stored; nullable columns are null here too. */
public record PaymentRow(PaymentId id, CustomerId payer, Alias payee, CustomerId payeeCustomer,
        String payeeMaskedName, boolean newPayee, long amountMinor, CurrencyCode currency, String channel,
        PaymentStatus status, String code, Long limitMinor, Long usedMinor, Instant resetsAt, UUID transferId,
        UUID settleTransferId, UUID returnTransferId, UUID confirmationId, String confirmationLinkSealed,
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

    public PaymentRow rejected(PaymentRejection why, Long limit, Long used, Instant resets) {
        return with(PaymentStatus.REJECTED, why.code(), limit, used, resets, transferId, confirmationId, null,
                claimTokenHash, claimExpiresAt, networkCodeHash);
    }

    public PaymentRow completed(UUID transfer) {
        return with(PaymentStatus.COMPLETED, null, limitMinor, usedMinor, resetsAt, transfer, confirmationId,
                null, claimTokenHash, claimExpiresAt, networkCodeHash);
    }

    /** Held for a step-up: the challenge, and its page's link sealed ({@code payments.ConfirmationLinks}). */
    public PaymentRow held(UUID challenge, String sealedLink) {
        return with(PaymentStatus.AWAITING_CONFIRMATION, null, limitMinor, usedMinor, resetsAt, transferId, challenge,
                sealedLink, claimTokenHash, claimExpiresAt, networkCodeHash);
    }

    public PaymentRow escrowed(UUID pending, String tokenHash, Instant expiresAt, String networkHash) {
        return with(PaymentStatus.AWAITING_CLAIM, null, limitMinor, usedMinor, resetsAt, pending, confirmationId,
                null, tokenHash, expiresAt, networkHash);
    }

    private PaymentRow with(PaymentStatus next, String why, Long limit, Long used, Instant resets, UUID transfer,
            UUID challenge, String sealedLink, String tokenHash, Instant expiresAt, String networkHash) {
        return new PaymentRow(id, payer, payee, payeeCustomer, payeeMaskedName, newPayee, amountMinor, currency,
                channel, next, why, limit, used, resets, transfer, settleTransferId, returnTransferId, challenge, sealedLink,
                tokenHash, expiresAt, claimCodeHash, claimCodeExpiresAt, claimAttempts, claimCodesSent, networkHash,
                claimProvenAt, claimant, payoutId, createdAt, updatedAt);
    }

    /** Whether an order carries the same content as this payment (a replay) rather than other content. */
    public boolean sameOrder(CustomerId otherPayer, Alias otherPayee, long otherAmountMinor, CurrencyCode otherCurrency,
            String otherChannel) {
        return payer.equals(otherPayer) && payee.equals(otherPayee) && amountMinor == otherAmountMinor
                && currency.equals(otherCurrency) && channel.equals(otherChannel);
    }
}
