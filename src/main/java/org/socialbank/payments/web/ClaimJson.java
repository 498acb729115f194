package org.socialbank.payments.web;

import java.time.Instant;
import org.socialbank.payments.ClaimView;

/**
 * The claim page's data: who sent what and what proof is needed. Never the alias owner's other
 * data: the alias itself only masked.
 */
record ClaimJson(
        String status,
        String payerMaskedName,
        long amountMinor,
        String currency,
        Instant expiresAt,
        ProofJson proof,
        int attemptsLeft) {

    /**
     * @param type {@code sms}, {@code email} or {@code network_message}
     * @param code for {@code network_message}, while the claim is open: the code to send from the handle
     */
    record ProofJson(String type, String network, String destination, String code, boolean codeSent) {}

    static ClaimJson of(ClaimView v) {
        return new ClaimJson(
                v.state().wireName(),
                v.payerMaskedName(),
                v.amountMinor(),
                v.currency().code(),
                v.expiresAt(),
                new ProofJson(
                        v.proof().wireName(),
                        v.network() == null ? null : v.network().wireName(),
                        v.maskedDestination(),
                        v.networkCode(),
                        v.codeSent()),
                v.attemptsLeft());
    }
}
