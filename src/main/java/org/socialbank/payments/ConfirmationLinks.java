package org.socialbank.payments;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.stereotype.Component;

/**
 * Seals the step-up page's link of a held payment before it is stored (security review #13): the
 * link is a bearer secret, so the table keeps it only encrypted (AES-GCM under a key derived from
 * the one-time-code pepper, bound to the payment's id), and only while the payment waits for its
 * confirmation. A table or a backup read without the pepper yields no working link.
 */
@Component
class ConfirmationLinks {

    private static final String VERSION = "g1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int URL_LENGTH_MAX = 600;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    ConfirmationLinks(OneTimeCodes codes) {
        this.key = new SecretKeySpec(codes.deriveKey("payments confirmation link"), "AES");
    }

    /** The link sealed for the payments table; at most 1024 characters. */
    String seal(PaymentId payment, String url) {
        if (url.length() > URL_LENGTH_MAX) {
            throw new IllegalArgumentException("a confirmation link is at most " + URL_LENGTH_MAX + " characters");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, payment, nonce, url.getBytes(StandardCharsets.UTF_8));
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** The link again; empty when nothing is stored or the value does not open (another pepper, another row). */
    Optional<String> open(PaymentId payment, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(stored.substring(VERSION.length()));
            if (all.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
            byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
            return Optional.of(new String(cipher(Cipher.DECRYPT_MODE, payment, nonce, sealed), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private byte[] cipher(int mode, PaymentId payment, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(("payment " + payment).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("the sealed link does not open", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }
}
