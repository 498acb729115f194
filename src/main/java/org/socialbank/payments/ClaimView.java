package org.socialbank.payments;

import java.time.Instant;
import java.util.Locale;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Network;

/**
 * What the claim page shows: who sent what, until when, and what proof of the alias it needs.
 * It never carries the alias owner's other data, only the alias masked.
 *
 * @param proof how the claimant proves the alias
 * @param network for a handle, its network; else null
 * @param maskedDestination where a code goes (a masked phone or e-mail), or the handle; null when none
 * @param networkCode for a handle, the code to send to the bank's account from it; else null
 * @param codeSent whether a code was sent and may be entered now
 * @param attemptsLeft wrong codes left before the claim locks
 * @param problem what went wrong with the last action, a stable code (e.g. {@code wrong_code}); null when nothing did
 */
public record ClaimView(
        State state,
        String payerMaskedName,
        long amountMinor,
        CurrencyCode currency,
        Instant expiresAt,
        Proof proof,
        Network network,
        String maskedDestination,
        String networkCode,
        boolean codeSent,
        int attemptsLeft,
        String problem) {

    /** Where the claim is. */
    public enum State {
        /** The alias has to be proven. */
        PROVE,
        /** Proven: the claimant chooses a new wallet or an external account. */
        CHOOSE,
        /** Claimed to an external account; the payout is under way. */
        PAYING_OUT,
        /** Claimed: the money reached the claimant. */
        CLAIMED,
        /** Unclaimed in time: the money went back to the payer. */
        EXPIRED,
        /** Too many wrong codes: the claim can no longer be proven. */
        LOCKED,
        /** The payer cancelled it. */
        CANCELLED,
        /** The payout failed and the money went back to the payer. */
        RETURNED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How an alias is proven. */
    public enum Proof {
        SMS,
        EMAIL,
        NETWORK_MESSAGE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ClaimView withProblem(String code) {
        return new ClaimView(
                state,
                payerMaskedName,
                amountMinor,
                currency,
                expiresAt,
                proof,
                network,
                maskedDestination,
                networkCode,
                codeSent,
                attemptsLeft,
                code);
    }
}
