package org.socialbank.shared;

import java.util.Optional;
import java.util.UUID;

/** Reading a UUID from text that may not be one (a button's action, a path): a value, not an exception. */
public final class Uuids {

    private Uuids() {}

    /** The UUID written in {@code text} ({@link UUID#fromString} form), or empty when it is none. */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) { // the JDK has no non-throwing parse: the one catch
            return Optional.empty();
        }
    }
}
