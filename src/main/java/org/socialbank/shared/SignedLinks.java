package org.socialbank.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links to the bank's pages that carry what they open and sign it (HMAC-SHA256 under a key kept for
 * one purpose), with an expiry: {@code subject.expiresEpochSecond.signature}. The page trusts the
 * subject only when the signature matches and the link has not expired, so no table of tokens is
 * needed. The subject is not secret (an id); what the page shows is. Pure apart from the key.
 */
public final class SignedLinks {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The longest token read: a subject, an epoch second, a 43-character signature and two dots. */
    public static final int TOKEN_LENGTH_MAX = 64 + 1 + 12 + 1 + 43;

    private final SecretKeySpec key;

    /** @param key at least 32 bytes, derived for this purpose only */
    public SignedLinks(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("a link key has at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The token for {@code subject} (letters, digits, '-', '_'), valid until {@code expiresAt}. */
    public String sign(String subject, Instant expiresAt) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("a link's subject is 1 to 64 of A-Z a-z 0-9 - _");
        }
        String signed = subject + "." + expiresAt.getEpochSecond();
        return signed + "." + mac(signed);
    }

    /** The subject of a well-signed token not expired at {@code now}; empty otherwise. */
    public Optional<String> verify(String token, Instant now) {
        if (token == null || token.length() > TOKEN_LENGTH_MAX) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String signed = token.substring(0, last);
        if (!Digests.equalInConstantTime(mac(signed), token.substring(last + 1))) {
            return Optional.empty();
        }
        try {
            long expires = Long.parseLong(token.substring(first + 1, last));
            return now.getEpochSecond() < expires ? Optional.of(token.substring(0, first)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
