package org.socialbank.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.DemoMode;
import org.springframework.security.core.GrantedAuthority;

/**
 * Issue 22 section 3: a request's token check costs one digest and the constant-time comparisons;
 * what a token grants (its fingerprint and authorities) is made once, at start, and is the same as
 * before.
 */
class ApiTokensUnitTests {

    private static final String READER = "reader-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";

    private final ApiTokens tokens = new ApiTokens(
            new ApiProperties(
                    List.of(ADMIN),
                    null,
                    Map.of("reader", new ApiProperties.Client(READER, List.of("ledger:read", "nlu")))),
            new DemoMode(false));

    @Test
    void aKnownTokenGrantsItsScopesUnderItsFingerprint() throws Exception {
        ApiTokens.Grant grant = tokens.grantOf(READER).orElseThrow();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(READER.getBytes(StandardCharsets.UTF_8));
        assertThat(grant.fingerprint()).isEqualTo("token:" + HexFormat.of().formatHex(digest, 0, 12));
        assertThat(grant.scopes()).containsExactlyInAnyOrder(ApiScope.LEDGER_READ, ApiScope.NLU);
        assertThat(grant.authorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_API", "SCOPE_ledger:read", "SCOPE_nlu");
        assertThat(tokens.grantOf(ADMIN).orElseThrow().scopes()).containsExactlyInAnyOrder(ApiScope.values());
    }

    @Test
    void theGrantIsMadeOnceNotPerRequest() {
        assertThat(tokens.grantOf(READER).orElseThrow())
                .isSameAs(tokens.grantOf(READER).orElseThrow());
    }

    @Test
    void anUnknownOrAlteredTokenGrantsNothing() {
        assertThat(tokens.grantOf("reader-token-0123456780")).isEmpty();
        assertThat(tokens.grantOf(READER + " ")).isEmpty();
        assertThat(tokens.grantOf("")).isEmpty();
    }
}
