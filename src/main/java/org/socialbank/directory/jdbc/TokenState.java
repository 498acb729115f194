package org.socialbank.directory.jdbc;

import java.util.Arrays;

/**
 * Where a one-time token of {@code link_tokens} stands. A link goes {@code ISSUED -> SIGNED_IN ->
 * DONE}, a confirmation or an unlink link {@code ISSUED -> DONE}; a wrong end (too many wrong codes,
 * expiry, cancel, a forgotten chat account) is {@code BURNED}. The column keeps the wire names.
 */
public enum TokenState {
    ISSUED("issued"),
    SIGNED_IN("signed_in"),
    DONE("done"),
    BURNED("burned");

    private final String wireName;

    TokenState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the token's page still leads somewhere (before the code, or before the password). */
    public boolean open() {
        return this == ISSUED || this == SIGNED_IN;
    }

    static TokenState fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown link token state " + wireName));
    }
}
