package org.socialbank.channels.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook proofs: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw
 * request body keyed with the app secret, and the verify token echoed on the verification GET. Both
 * are compared in constant time, on digests of equal length whatever was sent.
 */
final class WhatsAppSignatures {

    static final String PREFIX = "sha256=";

    private WhatsAppSignatures() {
    }

    /** The header Meta sends with {@code body}. */
    static String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
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
        return MessageDigest.isEqual(sha256(expected.getBytes(StandardCharsets.UTF_8)),
                sha256(given.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
