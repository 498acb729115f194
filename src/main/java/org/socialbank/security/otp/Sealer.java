package org.socialbank.security.otp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals text at rest with AES-256-GCM under a key for one purpose, derived from the pepper by
 * {@link OneTimeCodes#deriveKey}. The associated data (e.g. the row's owner) is authenticated, so
 * a sealed value moved to another row does not open. A sealed value is {@code sealed:v1:} and the
 * base64 of a random 96-bit nonce, the ciphertext and the 128-bit tag.
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
        Objects.requireNonNull(text, "text");
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The text of a value {@link #seal} made with the same key and associated data. */
    public String open(String sealed, String associated) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value cannot be opened: was the pepper changed?", e);
        }
    }

    @Override
    public String toString() {
        return "Sealer[key redacted]";
    }
}
