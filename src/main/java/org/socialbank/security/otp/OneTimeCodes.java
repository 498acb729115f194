package org.socialbank.security.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Codes sent by SMS and tokens of one-time links, and the hashes under which they are stored.
 *
 * <p>A code is hashed with HMAC-SHA256 keyed by a server secret (the pepper) over the code and a
 * context: what the code confirms, e.g. "pay 12.00 EUR to $alice, transfer 7f3c...". A code is
 * six digits, so an unkeyed hash of it would be reversed by trying all of them; with the pepper,
 * a stolen table alone is useless. The context is PSD2's dynamic linking: a code issued for one
 * operation never confirms another, even if it leaks.
 *
 * <p>Link tokens carry 256 random bits, so plain SHA-256 suffices: the database holds only the
 * digest, never a usable link, and the lookup by digest leaks nothing through timing.
 */
public final class OneTimeCodes {

    public static final int PEPPER_BYTES_MIN = 32;
    public static final int CODE_LENGTH_MIN = 4;
    public static final int CODE_LENGTH_MAX = 9;
    public static final int CONTEXT_LENGTH_MAX = 1024;
    public static final int TOKEN_BYTES = 32;

    private static final String HMAC = "HmacSHA256";
    private static final int[] POWERS_OF_TEN = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };

    private final SecretKeySpec pepper;
    private final SecureRandom random;

    public OneTimeCodes(byte[] pepper) {
        this(pepper, new SecureRandom());
    }

    /** With a given random source, e.g. a seeded one in a test. */
    public OneTimeCodes(byte[] pepper, SecureRandom random) {
        Objects.requireNonNull(pepper, "pepper");
        if (pepper.length < PEPPER_BYTES_MIN) {
            throw new IllegalArgumentException("the pepper must be at least " + PEPPER_BYTES_MIN + " bytes");
        }
        this.pepper = new SecretKeySpec(pepper, HMAC);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A uniformly random code of ASCII digits, leading zeros included. */
    public String generate(int length) {
        if (length < CODE_LENGTH_MIN || length > CODE_LENGTH_MAX) {
            throw new IllegalArgumentException("length must be " + CODE_LENGTH_MIN + ".." + CODE_LENGTH_MAX);
        }
        // nextInt(bound) rejects the top of the range that does not divide evenly: no modulo bias
        String value = Integer.toString(random.nextInt(POWERS_OF_TEN[length]));
        return "0".repeat(length - value.length()) + value;
    }

    /** The hash to store for a code issued for a context, 64 lower-case hex digits. */
    public String hash(String code, String context) {
        if (!isCode(code)) {
            throw new IllegalArgumentException(
                    "a code is " + CODE_LENGTH_MIN + ".." + CODE_LENGTH_MAX + " ASCII digits");
        }
        return HexFormat.of().formatHex(mac(code, checkContext(context)));
    }

    /**
     * Whether a code a person typed is the one stored for this context. Anything that is not a
     * code, and a stored value that is not a hash, simply does not match.
     */
    public boolean matches(String code, String context, String storedHash) {
        if (!isCode(code) || storedHash == null) {
            return false;
        }
        byte[] expected = hash(code, context).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A token for a one-time link: {@value #TOKEN_BYTES} random bytes, base64url, 43 characters. */
    public String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a link token, 64 lower-case hex digits: store and look up this. */
    public String hashToken(String token) {
        Objects.requireNonNull(token, "token");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A 256-bit key for one purpose (e.g. sealing authenticator secrets), derived from the pepper
     * so that no second secret has to be configured, and different for every purpose.
     */
    public byte[] deriveKey(String purpose) {
        return mac("", "socialbank key derivation: " + checkContext(purpose));
    }

    @Override
    public String toString() {
        return "OneTimeCodes[pepper redacted]";
    }

    private static boolean isCode(String code) {
        return code != null
                && code.length() >= CODE_LENGTH_MIN
                && code.length() <= CODE_LENGTH_MAX
                && Totp.isDigits(code, code.length());
    }

    private static String checkContext(String context) {
        Objects.requireNonNull(context, "context");
        if (context.isEmpty() || context.length() > CONTEXT_LENGTH_MAX) {
            throw new IllegalArgumentException("context must be 1.." + CONTEXT_LENGTH_MAX + " characters");
        }
        return context;
    }

    /** HMAC over the context's length, the context and the code: no two pairs give the same input. */
    private byte[] mac(String code, String context) {
        byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
        byte[] codeBytes = code.getBytes(StandardCharsets.US_ASCII);
        byte[] input = ByteBuffer.allocate(Integer.BYTES + contextBytes.length + codeBytes.length)
                .putInt(contextBytes.length)
                .put(contextBytes)
                .put(codeBytes)
                .array();
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(pepper);
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is missing from this JVM", e);
        }
    }
}
