package org.socialbank.conversation.dialogue;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.shared.Network;

/**
 * A payment being put together in chat: the slots filled so far, null when missing.
 *
 * @param payerCustomerId who pays: the customer the chat was linked to when the form began; a
 *     button pressed after the chat was re-linked to someone else is stale
 * @param startedAt when the form began: it is dropped once older than the dialogue's form TTL
 * @param payeeType the payee's alias type, once the payee was read
 * @param payeeNetwork the payee's network, for a handle
 * @param payeeValue the payee's alias value, normalized
 * @param payeeCustomerId the payee's customer id when the alias is a customer's, else null
 * @param payeeName the payee as the payer sees them: a masked name, or the alias itself
 * @param amountMinor in minor units of {@code currency}
 * @param currency the ISO 4217 code; the payer's primary currency when the text named none
 */
public record PayForm(
        UUID payerCustomerId,
        Instant startedAt,
        AliasType payeeType,
        Network payeeNetwork,
        String payeeValue,
        UUID payeeCustomerId,
        String payeeName,
        Long amountMinor,
        String currency) {

    public static PayForm of(UUID payerCustomerId, Instant startedAt) {
        return new PayForm(
                Objects.requireNonNull(payerCustomerId, "payer"),
                Objects.requireNonNull(startedAt, "startedAt"),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public boolean complete() {
        return payerCustomerId != null && payeeValue != null && amountMinor != null && currency != null;
    }

    /** The payee's alias, once read. */
    public Alias payee() {
        return payeeValue == null ? null : new Alias(payeeType, payeeNetwork, payeeValue);
    }

    PayForm withPayee(Alias alias, UUID customerId, String name) {
        return new PayForm(
                payerCustomerId,
                startedAt,
                alias.type(),
                alias.network(),
                alias.value(),
                customerId,
                name,
                amountMinor,
                currency);
    }

    PayForm withoutAmount() {
        return new PayForm(
                payerCustomerId,
                startedAt,
                payeeType,
                payeeNetwork,
                payeeValue,
                payeeCustomerId,
                payeeName,
                null,
                null);
    }

    PayForm withoutPayee() {
        return new PayForm(payerCustomerId, startedAt, null, null, null, null, null, amountMinor, currency);
    }

    PayForm withAmount(long minor, String code) {
        return new PayForm(
                payerCustomerId,
                startedAt,
                payeeType,
                payeeNetwork,
                payeeValue,
                payeeCustomerId,
                payeeName,
                minor,
                code);
    }
}
