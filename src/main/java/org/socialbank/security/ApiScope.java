package org.socialbank.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API token may do (security review #20, issue 12). Each configured client names its
 * scopes; {@link ApiScopes} says which scope each endpoint needs. A scope's name is what the
 * configuration and the 403 answer use.
 */
public enum ApiScope {
    /** {@code GET} accounts, statements and transfers. */
    LEDGER_READ("ledger:read"),
    /** Opening accounts, changing their status, booking, posting and voiding transfers. */
    LEDGER_WRITE("ledger:write"),
    /** {@code GET} customers and alias lookups (which spend the per-caller lookup budget). */
    DIRECTORY_READ("directory:read"),
    /** Registering customers, adding aliases and accounts to them. */
    DIRECTORY_WRITE("directory:write"),
    /** {@code GET} payments, claims, requests and splits. */
    PAYMENTS_READ("payments:read"),
    /** Paying, cancelling, requesting, splitting, reminding, paying and declining requests. */
    PAYMENTS_WRITE("payments:write"),
    /** {@code POST /api/v1/nlu/parse}. */
    NLU("nlu"),
    /** Metrics and every {@code /api/**} endpoint no other scope names (deny by default). */
    ADMIN("admin");

    private final String wireName;

    ApiScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The authority a token with this scope carries. */
    String authority() {
        return "SCOPE_" + wireName;
    }

    public static Optional<ApiScope> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
