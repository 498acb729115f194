package org.socialbank.security.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals text at rest with AES-256-GCM under a key for one purpose, derived from the pepper by
 * {@link OneTimeCodes#deriveKey}. The associated data (e.g. the row's owner) is authenticated, so
 * a sealed value moved to another row does not open. The one place in the code that does
 * AES-GCM for storage: the web chat's payloads, the outbox's links and held payments' step-up
 * links all seal through it.
 *
 * <p>Two forms: {@link #seal} gives {@code sealed:v1:} and the base64 of a random 96-bit nonce,
 * the ciphertext and the 128-bit tag (a whole column value); {@link #sealToken} gives the same
 * bytes as unpadded URL-safe base64, to embed in a text of the caller's own format.
 */
public final class Sealer {

    /** How every sealed value starts, so that a reader can tell it from an older clear one. */
    public static final String PREFIX = "sealed:v1:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public Sealer(OneTimeCodes codes, String purpose) {
        this.key = new SecretKeySpec(codes.deriveKey(purpose), "AES");
    }

    /** The sealed form of {@code text}, bound to {@code associated}. */
    public String seal(String text, String associated) {
        return PREFIX + Base64.getEncoder().encodeToString(encrypt(text, associated));
    }

    /** {@code text} sealed as an unpadded URL-safe base64 token, bound to {@code associated}. */
    public String sealToken(String text, String associated) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(encrypt(text, associated));
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The text of a value {@link #seal} made with the same key and associated data. */
    public String open(String sealed, String associated) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value cannot be opened: it is not base64", e);
        }
        return decrypt(bytes, associated)
                .orElseThrow(
                        () -> new IllegalStateException("a sealed value cannot be opened: was the pepper changed?"));
    }

    /**
     * The text of a token {@link #sealToken} made with the same key and associated data; empty
     * when it is not one (not base64, too short, another key or another owner).
     */
    public Optional<String> openToken(String token, String associated) {
        try {
            return decrypt(Base64.getUrlDecoder().decode(token), associated);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] encrypt(String text, String associated) {
        Objects.requireNonNull(text, "text");
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private Optional<String> decrypt(byte[] bytes, String associated) {
        if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return Optional.of(
                    new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (AEADBadTagException notOurs) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Sealer[key redacted]";
    }
}
