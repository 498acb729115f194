package org.socialbank.payments.jdbc;

import java.time.Instant;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.payments.PaymentId;
import org.socialbank.payments.PaymentRejection;
import org.socialbank.payments.PaymentStatus;
import org.socialbank.shared.CurrencyCode;

/**
 * One row of {@code payments}, as stored, in the parts that change together; nullable columns
 * are null here too. A new payment starts with every part {@code NONE}.
 */
public record PaymentRow(
        PaymentId id,
        Parties parties,
        long amountMinor,
        CurrencyCode currency,
        String channel,
        PaymentStatus status,
        Verdict verdict,
        Transfers transfers,
        Confirmation confirmation,
        Claim claim,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Who pays whom.
     *
     * @param payeeCustomer the payee when the alias was a customer's at payment; else null
     * @param payeeMaskedName that customer's masked name; else null
     * @param newPayee whether the payer had never paid this payee before
     */
    public record Parties(
            CustomerId payer, Alias payee, CustomerId payeeCustomer, String payeeMaskedName, boolean newPayee) {}

    /**
     * Why it ended as it did: the rejection's code while rejected, the step-up's end while not
     * confirmed, why the money came back while returned; and, when a limit said no, the limit.
     */
    public record Verdict(String code, Long limitMinor, Long usedMinor, Instant resetsAt) {

        public static final Verdict NONE = new Verdict(null, null, null, null);

        Verdict withoutCode() {
            return new Verdict(null, limitMinor, usedMinor, resetsAt);
        }
    }

    /**
     * The ledger transfers: the payment's own (to the payee, or the pending one into escrow), the
     * escrow's settlement to a claimant, and its return to the payer.
     */
    public record Transfers(UUID transferId, UUID settleTransferId, UUID returnTransferId) {

        public static final Transfers NONE = new Transfers(null, null, null);
    }

    /** The step-up: its challenge, and its page's link sealed ({@code payments.ConfirmationLinks}) while it waits. */
    public record Confirmation(UUID challengeId, String linkSealed) {

        public static final Confirmation NONE = new Confirmation(null, null);
    }

    /**
     * The claim of a payment to someone who is not a customer.
     *
     * @param tokenHash the hash of the claim link's token
     * @param codeHash the hash of the code last sent to the claimed phone or e-mail
     * @param networkCodeHash the hash of the claim code a network handle proves itself with
     * @param claimant the customer who claimed it into a wallet
     * @param payoutId the payout of a claim to an account at another bank
     */
    public record Claim(
            String tokenHash,
            Instant expiresAt,
            String codeHash,
            Instant codeExpiresAt,
            int attempts,
            int codesSent,
            String networkCodeHash,
            Instant provenAt,
            CustomerId claimant,
            UUID payoutId) {

        public static final Claim NONE = new Claim(null, null, null, null, 0, 0, null, null, null, null);
    }

    /** A new payment, not decided yet. */
    public static PaymentRow fresh(
            PaymentId id, Parties parties, long amountMinor, CurrencyCode currency, String channel, Instant now) {
        return new PaymentRow(
                id,
                parties,
                amountMinor,
                currency,
                channel,
                PaymentStatus.REJECTED,
                Verdict.NONE,
                Transfers.NONE,
                Confirmation.NONE,
                Claim.NONE,
                now,
                now);
    }

    public CustomerId payer() {
        return parties.payer();
    }

    public Alias payee() {
        return parties.payee();
    }

    /** The payee when a customer; null for a payment to be claimed. */
    public CustomerId payeeCustomer() {
        return parties.payeeCustomer();
    }

    /** The code of {@link #verdict()}; null when there is none. */
    public String code() {
        return verdict.code();
    }

    public PaymentRow rejected(PaymentRejection why, Long limit, Long used, Instant resets) {
        return with(
                PaymentStatus.REJECTED,
                new Verdict(why.code(), limit, used, resets),
                transfers,
                new Confirmation(confirmation.challengeId(), null),
                claim);
    }

    public PaymentRow completed(UUID transfer) {
        return with(
                PaymentStatus.COMPLETED,
                verdict.withoutCode(),
                new Transfers(transfer, transfers.settleTransferId(), transfers.returnTransferId()),
                new Confirmation(confirmation.challengeId(), null),
                claim);
    }

    /** Held for a step-up: the challenge, and its page's link sealed ({@code payments.ConfirmationLinks}). */
    public PaymentRow held(UUID challenge, String sealedLink) {
        return with(
                PaymentStatus.AWAITING_CONFIRMATION,
                verdict.withoutCode(),
                transfers,
                new Confirmation(challenge, sealedLink),
                claim);
    }

    public PaymentRow escrowed(UUID pending, String tokenHash, Instant expiresAt, String networkHash) {
        return with(
                PaymentStatus.AWAITING_CLAIM,
                verdict.withoutCode(),
                new Transfers(pending, transfers.settleTransferId(), transfers.returnTransferId()),
                new Confirmation(confirmation.challengeId(), null),
                new Claim(
                        tokenHash,
                        expiresAt,
                        claim.codeHash(),
                        claim.codeExpiresAt(),
                        claim.attempts(),
                        claim.codesSent(),
                        networkHash,
                        claim.provenAt(),
                        claim.claimant(),
                        claim.payoutId()));
    }

    private PaymentRow with(
            PaymentStatus next,
            Verdict nextVerdict,
            Transfers nextTransfers,
            Confirmation nextConfirmation,
            Claim nextClaim) {
        return new PaymentRow(
                id,
                parties,
                amountMinor,
                currency,
                channel,
                next,
                nextVerdict,
                nextTransfers,
                nextConfirmation,
                nextClaim,
                createdAt,
                updatedAt);
    }

    /** Whether an order carries the same content as this payment (a replay) rather than other content. */
    public boolean sameOrder(
            CustomerId otherPayer,
            Alias otherPayee,
            long otherAmountMinor,
            CurrencyCode otherCurrency,
            String otherChannel) {
        return payer().equals(otherPayer)
                && payee().equals(otherPayee)
                && amountMinor == otherAmountMinor
                && currency.equals(otherCurrency)
                && channel.equals(otherChannel);
    }
}
