package org.socialbank.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The accepted bearer tokens with their scopes, kept only as SHA-256 digests and compared in
 * constant time so that neither memory dumps nor response timing give a token away.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    /**
     * What a known token grants, made once at start so that a request costs one digest and the
     * comparisons: its fingerprint (the principal's name), its client's configured name (the
     * authentication's details, for audits: {@code socialbank.api.clients.<name>}, or the
     * property that holds an unnamed token) and its authorities ({@code ROLE_API} and one {@code
     * SCOPE_<name>} per scope).
     */
    record Grant(String fingerprint, String client, Set<ApiScope> scopes, List<GrantedAuthority> authorities) {

        static Grant of(byte[] digest, String client, Set<ApiScope> scopes) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_API"));
            scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
            return new Grant(ApiTokens.fingerprint(digest), client, Set.copyOf(scopes), List.copyOf(authorities));
        }
    }

    private record Known(byte[] digest, Grant grant) {}

    private final List<Known> known = new ArrayList<>();

    ApiTokens(ApiProperties properties, DemoMode demo) {
        properties.grants().forEach(g -> known(g.token(), g.name(), g.scopes()));
        if (known.isEmpty() && demo.enabled()) {
            String generated = generate();
            known(generated, "demo", EnumSet.allOf(ApiScope.class));
            log.warn(
                    "Demo mode: API token for this run is {} (every scope; set SOCIALBANK_API_TOKEN to choose one)",
                    generated);
        }
        if (known.isEmpty()) {
            throw new IllegalStateException("No API token is configured: set SOCIALBANK_API_TOKEN, "
                    + "socialbank.api.tokens or socialbank.api.clients.<name>.token and .scopes "
                    + "(outside demo mode none is generated)");
        }
    }

    private void known(String token, String client, Set<ApiScope> scopes) {
        byte[] digest = digest(token);
        known.add(new Known(digest, Grant.of(digest, client, scopes)));
    }

    /** The grant of a known token, or empty for an unknown one; every entry is compared. */
    Optional<Grant> grantOf(String presented) {
        byte[] candidate = digest(presented);
        Grant found = null;
        for (Known k : known) {
            if (MessageDigest.isEqual(k.digest(), candidate) && found == null) { // no early exit: constant time
                found = k.grant();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A stable, non-secret name of a token: the start of its digest, for per-caller limits and logs. */
    private static String fingerprint(byte[] digest) {
        return "token:" + java.util.HexFormat.of().formatHex(digest, 0, 12);
    }

    private static String generate() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "sb_demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
