package org.socialbank.channels.whatsapp;

import java.util.HexFormat;
import org.socialbank.shared.Digests;

/**
 * Meta's webhook proofs: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw
 * request body keyed with the app secret, and the verify token echoed on the verification GET. Both
 * are compared in constant time, on digests of equal length whatever was sent.
 */
final class WhatsAppSignatures {

    static final String PREFIX = "sha256=";

    private WhatsAppSignatures() {}

    /** The header Meta sends with {@code body}. */
    static String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(Digests.hmacSha256(appSecret, body));
    }

    /** Whether the header proves the raw body; hex digits in either case. */
    static boolean matches(String appSecret, byte[] body, String header) {
        if (header == null || appSecret == null || appSecret.isEmpty()) {
            return false;
        }
        String given = header.strip();
        if (given.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            given = PREFIX + given.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT);
        }
        return equal(sign(appSecret, body), given);
    }

    /** Whether {@code given} is the verify token, in constant time. */
    static boolean equal(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return Digests.equalInConstantTime(expected, given);
    }
}
