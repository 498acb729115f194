package org.socialbank.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A payment as its payer (or the bank's app) may see it.
 *
 * @param payeeCustomerId the payee when they are a customer; null for a payment awaiting a claim
 * @param payeeMaskedName the payee's masked name when a customer, else null
 * @param code why it was rejected, returned or not confirmed; null otherwise
 * @param limitMinor when a limit said no: the limit, in minor units of the currency; else null
 * @param usedMinor when a limit said no: what was already used against it; else null
 * @param resetsAt when a limit said no: when it resets, if it does; else null
 * @param confirmationUrl while awaiting confirmation: the step-up page to send the payer to
 * @param claimUrl while awaiting a claim: the claim page to forward to the payee
 * @param claimExpiresAt while awaiting a claim: when the money goes back to the payer
 * @param decision the risk decision: {@code allow}, {@code step_up}, {@code reject}; null when none was made
 * @param decisionReason why the policy held or refused it (e.g. {@code new_payee_above_threshold})
 * @param checks every check the policy ran, in order
 */
public record Payment(PaymentId id, CustomerId payerCustomerId, Alias payee, CustomerId payeeCustomerId,
        String payeeMaskedName, long amountMinor, CurrencyCode currency, String channel, PaymentStatus status,
        String code, Long limitMinor, Long usedMinor, Instant resetsAt, String confirmationUrl, String claimUrl,
        Instant claimExpiresAt, String decision, String decisionReason, List<PaymentCheck> checks, Instant createdAt,
        Instant updatedAt) {

    public Payment {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** Why it was refused, while it is {@link PaymentStatus#REJECTED}; {@code code} holds its stable code. */
    public Optional<PaymentRejection> rejection() {
        return status == PaymentStatus.REJECTED ? PaymentRejection.fromCode(code) : Optional.empty();
    }
}
