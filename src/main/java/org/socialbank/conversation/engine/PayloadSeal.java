package org.socialbank.conversation.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.stereotype.Component;

/**
 * Seals the links in outbox payloads at rest (security review #13): replies carry one-time links
 * (sign-in, step-up, unlink, claim, pay-request) that are bearer secrets, so every URL in a
 * payload is stored only as {@code {gcm1:...}}, AES-256-GCM under a key derived from the server's
 * pepper (as authenticator secrets are), bound to the row id so it cannot be moved to another
 * row. The rest of the reply stays readable for support. The relay opens a payload just before
 * the send; the row's content is blanked soon after.
 */
@Component
class PayloadSeal {

    static final Pattern URL = Pattern.compile("https?://[^\\s\"\\\\<>]+");
    static final Pattern SEALED = Pattern.compile("\\{gcm1:([A-Za-z0-9_-]{20,2048})}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    PayloadSeal(OneTimeCodes codes) {
        this.key = new SecretKeySpec(codes.deriveKey("outbox payloads"), "AES");
    }

    /** The payload with each URL sealed. */
    String seal(UUID rowId, String payload) {
        Matcher url = URL.matcher(payload);
        StringBuilder out = new StringBuilder(payload.length() + 64);
        while (url.find()) {
            url.appendReplacement(out, Matcher.quoteReplacement("{gcm1:" + encrypt(rowId, url.group()) + "}"));
        }
        return url.appendTail(out).toString();
    }

    /**
     * The payload with its sealed URLs opened. Something that only looks sealed (a customer may
     * type anything that a reply then quotes) is left as it is.
     */
    String open(UUID rowId, String stored) {
        Matcher sealed = SEALED.matcher(stored);
        StringBuilder out = new StringBuilder(stored.length());
        while (sealed.find()) {
            String opened = decrypt(rowId, sealed.group(1));
            sealed.appendReplacement(out, Matcher.quoteReplacement(opened == null ? sealed.group() : opened));
        }
        return sealed.appendTail(out).toString();
    }

    private String encrypt(UUID rowId, String url) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(rowId));
            byte[] sealed = cipher.doFinal(url.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private String decrypt(UUID rowId, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (bytes.length <= IV_BYTES + TAG_BITS / 8) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(aad(rowId));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException notOurs) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    private static byte[] aad(UUID rowId) {
        return ByteBuffer.allocate(16).putLong(rowId.getMostSignificantBits())
                .putLong(rowId.getLeastSignificantBits()).array();
    }
}
