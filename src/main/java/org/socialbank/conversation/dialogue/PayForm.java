package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment being put together in chat: the slots filled so far, null when missing.
 *
 * @param payerCustomerId who pays: the customer the chat was linked to when the form began; a
 *     button pressed after the chat was re-linked to someone else is stale
 * @param startedAt when the form began: it is dropped once older than the dialogue's form TTL
 * @param payeeCustomerId who gets the money, once the payee was resolved
 * @param payeeName the payee's masked name, shown in the confirmation
 * @param amountMinor in minor units of {@code currency}
 * @param currency the ISO 4217 code; the payer's primary currency when the text named none
 */
public record PayForm(UUID payerCustomerId, Instant startedAt, UUID payeeCustomerId, String payeeName, Long amountMinor, String currency) {

    public static PayForm of(UUID payerCustomerId, Instant startedAt) {
        return new PayForm(java.util.Objects.requireNonNull(payerCustomerId, "payer"),
                java.util.Objects.requireNonNull(startedAt, "startedAt"), null, null, null, null);
    }

    public boolean complete() {
        return payerCustomerId != null && payeeCustomerId != null && amountMinor != null && currency != null;
    }

    PayForm withPayee(UUID customerId, String name) {
        return new PayForm(payerCustomerId, startedAt, customerId, name, amountMinor, currency);
    }

    PayForm withoutAmount() {
        return new PayForm(payerCustomerId, startedAt, payeeCustomerId, payeeName, null, null);
    }

    PayForm withoutPayee() {
        return new PayForm(payerCustomerId, startedAt, null, null, amountMinor, currency);
    }

    PayForm withAmount(long minor, String code) {
        return new PayForm(payerCustomerId, startedAt, payeeCustomerId, payeeName, minor, code);
    }
}
