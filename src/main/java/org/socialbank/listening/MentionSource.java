package org.socialbank.listening;

import java.util.Optional;
import org.socialbank.shared.Network;

/**
 * A place mentions come from (an SPI: a bean of this type adds a source). Its name is what
 * {@code source} says in the import API; its network, when it has one, is where an author's
 * handle can belong to a linked customer.
 */
public interface MentionSource {

    String NAME_PATTERN = "[a-z0-9_-]{1,32}";

    /** The wire name, matching {@link #NAME_PATTERN}: {@code x}, {@code telegram}, {@code news}. */
    String name();

    /** The chat network whose accounts write here, if any (news and app stores have none). */
    Optional<Network> network();

    /** A source known by name, on a network or none. */
    static MentionSource of(String name, Network network) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("a source name matches " + NAME_PATTERN + ": " + name);
        }
        return new MentionSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Network> network() {
                return Optional.ofNullable(network);
            }
        };
    }
}
