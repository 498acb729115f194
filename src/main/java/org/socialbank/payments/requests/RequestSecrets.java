package org.socialbank.payments.requests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.stereotype.Component;

/**
 * The pay link's token and the payment reference of a request to someone who is not a customer.
 * Both are derived from the request id with keys derived from the server's pepper, so a replay
 * shows the same link; the database keeps only the token's hash. The reference is no secret (it
 * travels on bank statements): anyone who knows it can only give the requester money.
 */
@Component
class RequestSecrets {

    /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, U). */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String REFERENCE_PREFIX = "SBRQ";
    private static final int REFERENCE_LENGTH = 12;

    private final OneTimeCodes codes;
    private final SecretKeySpec tokenKey;
    private final SecretKeySpec referenceKey;

    RequestSecrets(OneTimeCodes codes) {
        this.codes = codes;
        this.tokenKey = new SecretKeySpec(codes.deriveKey("payments request pay link"), "HmacSHA256");
        this.referenceKey = new SecretKeySpec(codes.deriveKey("payments request reference"), "HmacSHA256");
    }

    String token(RequestId id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(tokenKey, "token:" + id));
    }

    String tokenHash(String token) {
        return codes.hashToken(token);
    }

    /** E.g. {@code SBRQ7K3Q9XMB2D4F}: short enough to type into a banking app, 30^12 values. */
    String reference(RequestId id) {
        byte[] bytes = mac(referenceKey, "reference:" + id);
        StringBuilder reference = new StringBuilder(REFERENCE_PREFIX);
        for (int i = 0; i < REFERENCE_LENGTH; i++) {
            reference.append(ALPHABET.charAt((bytes[i] & 0xff) % ALPHABET.length()));
        }
        return reference.toString();
    }

    /** A reference as a bank feed may carry it (spaces, dashes, lower case) in the form it is stored. */
    static String normalizeReference(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static byte[] mac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
