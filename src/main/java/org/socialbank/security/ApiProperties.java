package org.socialbank.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API credentials.
 *
 * @param tokens bearer tokens that may call {@code /api/**}, comma-separated in one property
 * @param token one more token, usually from the environment variable {@code SOCIALBANK_API_TOKEN}
 */
@ConfigurationProperties("socialbank.api")
public record ApiProperties(@DefaultValue List<String> tokens, String token) {

    static final int TOKEN_LENGTH_MIN = 16;

    public ApiProperties {
        tokens = List.copyOf(tokens);
        for (String t : tokens) {
            checkToken(t, "socialbank.api.tokens");
        }
        if (token != null && !token.isEmpty()) {
            checkToken(token, "SOCIALBANK_API_TOKEN (socialbank.api.token)");
        }
    }

    private static void checkToken(String token, String property) {
        if (token.length() < TOKEN_LENGTH_MIN || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException(property + ": a token must be at least "
                    + TOKEN_LENGTH_MIN + " printable ASCII characters without spaces");
        }
    }
}
