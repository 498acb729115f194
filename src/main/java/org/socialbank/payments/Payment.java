package org.socialbank.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.directory.CustomerId;
import org.socialbank.shared.CurrencyCode;

/**
 * A payment as its payer (or the bank's app) may see it, in the parts that apply together.
 *
 * @param payee who is paid: the alias, and the customer behind it when there is one
 * @param code why it was rejected, returned or not confirmed; while {@code return_held}, {@code
 *     payout_failed} or {@code payer_account_closed} (operations settle it by hand, after which it is
 *     {@code returned} with {@code settled_by_hand}); null otherwise
 * @param limit when a limit said no: which amounts; {@link Limit#NONE} otherwise
 * @param links the links that apply in its state
 * @param audit the audit of the risk decision
 */
public record Payment(
        PaymentId id,
        CustomerId payerCustomerId,
        Payee payee,
        long amountMinor,
        CurrencyCode currency,
        String channel,
        PaymentStatus status,
        String code,
        Limit limit,
        Links links,
        Audit audit,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * @param customerId the payee when they are a customer; null for a payment awaiting a claim
     * @param maskedName the payee's masked name when a customer, else null
     */
    public record Payee(Alias alias, CustomerId customerId, String maskedName) {}

    /**
     * The limit that said no (all null when none did).
     *
     * @param limitMinor the limit, in minor units of the currency
     * @param usedMinor what was already used against it
     * @param resetsAt when it resets, if it does
     */
    public record Limit(Long limitMinor, Long usedMinor, Instant resetsAt) {

        public static final Limit NONE = new Limit(null, null, null);
    }

    /**
     * @param confirmationUrl while awaiting confirmation: the step-up page to send the payer to; else null
     * @param claimUrl while awaiting a claim: the claim page to forward to the payee; else null
     * @param claimExpiresAt while awaiting a claim: when the money goes back to the payer; else null
     */
    public record Links(String confirmationUrl, String claimUrl, Instant claimExpiresAt) {}

    /**
     * @param decision the risk decision: {@code allow}, {@code step_up}, {@code reject}; null when none was made
     * @param reason why the policy held or refused it (e.g. {@code new_payee_above_threshold})
     * @param checks every check the policy ran, in order
     */
    public record Audit(String decision, String reason, List<PaymentCheck> checks) {

        public Audit {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }

    /** Why it was refused, while it is {@link PaymentStatus#REJECTED}; {@code code} holds its stable code. */
    public Optional<PaymentRejection> rejection() {
        return status == PaymentStatus.REJECTED ? PaymentRejection.fromCode(code) : Optional.empty();
    }
}
