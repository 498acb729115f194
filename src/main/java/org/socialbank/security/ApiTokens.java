package org.socialbank.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.shared.DemoMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The accepted bearer tokens, kept only as SHA-256 digests and compared in constant time so
 * that neither memory dumps nor response timing give a token away.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private final List<byte[]> digests = new ArrayList<>();

    ApiTokens(ApiProperties properties, DemoMode demo) {
        List<String> tokens = new ArrayList<>(properties.tokens());
        if (properties.token() != null && !properties.token().isEmpty()) {
            tokens.add(properties.token());
        }
        if (tokens.isEmpty() && demo.enabled()) {
            String generated = generate();
            tokens.add(generated);
            log.warn("Demo mode: API token for this run is {} (set SOCIALBANK_API_TOKEN to choose one)",
                    generated);
        }
        if (tokens.isEmpty()) {
            throw new IllegalStateException("No API token is configured: set SOCIALBANK_API_TOKEN "
                    + "or socialbank.api.tokens (outside demo mode none is generated)");
        }
        tokens.forEach(t -> digests.add(digest(t)));
    }

    boolean accepts(String presented) {
        byte[] candidate = digest(presented);
        boolean accepted = false;
        for (byte[] known : digests) {
            accepted |= MessageDigest.isEqual(known, candidate); // no early exit: constant time
        }
        return accepted;
    }

    /** A stable, non-secret name of a token: the start of its digest, for per-caller limits and logs. */
    static String fingerprint(String token) {
        return "token:" + java.util.HexFormat.of().formatHex(digest(token), 0, 12);
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
