package org.socialbank.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digests the webhooks check signatures with: HMAC-SHA256 and SHA-256, and a comparison of two
 * texts in constant time (both are hashed first, so neither their contents nor their lengths leak
 * through timing). Every channel's webhook proof ends in {@link #equalInConstantTime}: Telegram's
 * and Bale's secret token, WeChat's {@code msg_signature}, X's and WhatsApp's body HMACs.
 */
public final class Digests {

    private Digests() {}

    public static byte[] hmacSha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether two texts are equal, in time that depends on neither. */
    public static boolean equalInConstantTime(String expected, String given) {
        return MessageDigest.isEqual(
                sha256(expected.getBytes(StandardCharsets.UTF_8)), sha256(given.getBytes(StandardCharsets.UTF_8)));
    }
}
