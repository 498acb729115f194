package org.socialbank.conversation.language;

import java.util.Objects;
import java.util.Optional;
import org.socialbank.directory.Alias;
import org.socialbank.directory.AliasType;
import org.socialbank.shared.Network;

/**
 * The other party of a command, as the text names it.
 *
 * @param value a handle without its {@code @}, a phone in E.164, an e-mail lower-cased with an
 *     ASCII domain, a tag without its {@code $}, or a recent payee's name as the context spells it
 * @param network the network of a handle: the one the text names ({@code x:@bob}) or else the
 *     channel's; null when neither is known or the handle is not valid there, and for other types
 */
public record Payee(PayeeType type, String value, Network network) {

    public Payee {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a payee's value is empty");
        }
        if (network != null && type != PayeeType.HANDLE) {
            throw new IllegalArgumentException("only a handle belongs to a network");
        }
    }

    public static Payee of(Alias alias) {
        PayeeType type = switch (alias.type()) {
            case PHONE -> PayeeType.PHONE;
            case EMAIL -> PayeeType.EMAIL;
            case TAG -> PayeeType.TAG;
            case HANDLE -> PayeeType.HANDLE;
        };
        return new Payee(type, alias.value(), alias.network());
    }

    public static Payee name(String name) {
        return new Payee(PayeeType.NAME, name.strip(), null);
    }

    /** The alias to look up in the directory; empty for a name or a handle of unknown network. */
    public Optional<Alias> alias() {
        return switch (type) {
            case NAME -> Optional.empty();
            case HANDLE ->
                network == null ? Optional.empty() : Optional.of(new Alias(AliasType.HANDLE, network, value));
            case PHONE -> Optional.of(new Alias(AliasType.PHONE, null, value));
            case EMAIL -> Optional.of(new Alias(AliasType.EMAIL, null, value));
            case TAG -> Optional.of(new Alias(AliasType.TAG, null, value));
        };
    }
}
