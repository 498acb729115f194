package org.socialbank.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API credentials.
 *
 * @param tokens full-access bearer tokens (every {@link ApiScope}), comma-separated in one
 *     property; kept for single-operator set-ups, prefer {@code clients}
 * @param token one more full-access token, usually from the environment variable {@code
 *     SOCIALBANK_API_TOKEN}
 * @param clients named callers, each with its token and the scopes it may use ({@code
 *     socialbank.api.clients.<name>.token}, {@code .scopes=ledger:read,directory:read})
 */
@ConfigurationProperties("socialbank.api")
public record ApiProperties(@DefaultValue List<String> tokens, String token, Map<String, Client> clients) {

    static final int TOKEN_LENGTH_MIN = 16;
    static final int CLIENTS_MAX = 1000;

    /**
     * One caller of the API.
     *
     * @param token its bearer token, 16+ printable ASCII characters
     * @param scopes what it may do, by name ({@code ledger:write}, ...); at least one
     */
    public record Client(String token, List<String> scopes) {}

    public ApiProperties {
        tokens = List.copyOf(tokens);
        clients = clients == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clients));
        for (String t : tokens) {
            checkToken(t, "socialbank.api.tokens");
        }
        if (token != null && !token.isEmpty()) {
            checkToken(token, "SOCIALBANK_API_TOKEN (socialbank.api.token)");
        }
        if (clients.size() > CLIENTS_MAX) {
            throw new IllegalArgumentException("socialbank.api.clients: at most " + CLIENTS_MAX + " clients");
        }
        clients.forEach((name, client) -> {
            checkToken(client == null ? null : client.token(), "socialbank.api.clients." + name + ".token");
            scopesOf(name, client);
        });
        Set<String> seen = new HashSet<>();
        for (Grant grant : grants(tokens, token, clients)) {
            if (!seen.add(grant.token())) {
                throw new IllegalArgumentException(
                        "socialbank.api: the same token is configured twice; " + "give each client its own");
            }
        }
    }

    /** A token and what it may do. */
    record Grant(String name, String token, Set<ApiScope> scopes) {}

    /** Every configured token with its scopes: the full-access ones first, then the clients. */
    List<Grant> grants() {
        return grants(tokens, token, clients);
    }

    private static List<Grant> grants(List<String> tokens, String token, Map<String, Client> clients) {
        List<Grant> grants = new ArrayList<>();
        for (String t : tokens) {
            grants.add(new Grant("socialbank.api.tokens", t, EnumSet.allOf(ApiScope.class)));
        }
        if (token != null && !token.isEmpty()) {
            grants.add(new Grant("socialbank.api.token", token, EnumSet.allOf(ApiScope.class)));
        }
        clients.forEach((name, client) -> grants.add(new Grant(name, client.token(), scopesOf(name, client))));
        return grants;
    }

    private static Set<ApiScope> scopesOf(String name, Client client) {
        String property = "socialbank.api.clients." + name + ".scopes";
        if (client.scopes() == null || client.scopes().isEmpty()) {
            throw new IllegalArgumentException(property + ": name at least one scope of " + known());
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String s : client.scopes()) {
            scopes.add(ApiScope.fromWireName(s == null ? "" : s.strip())
                    .orElseThrow(() -> new IllegalArgumentException(
                            property + ": '" + s + "' is not a scope; known: " + known())));
        }
        return scopes;
    }

    private static String known() {
        return EnumSet.allOf(ApiScope.class).stream()
                .map(ApiScope::wireName)
                .toList()
                .toString();
    }

    private static void checkToken(String token, String property) {
        if (token == null || token.length() < TOKEN_LENGTH_MIN || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(property + ": a token must be at least " + TOKEN_LENGTH_MIN
                    + " printable ASCII characters without spaces");
        }
    }
}
