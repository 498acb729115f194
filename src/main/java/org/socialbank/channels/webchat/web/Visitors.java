package org.socialbank.channels.webchat.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.security.WebProperties;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A visitor of the web chat is a session the server minted (security review #10): a random
 * secret and its HMAC (a key derived from the OTP pepper) in an HttpOnly cookie. A cookie the
 * server did not sign is ignored and a new visitor is minted, so nobody can choose a victim's
 * session in advance. Only the SHA-256 of the secret is the chat account's id and the key of its
 * messages, so a database dump holds no usable cookie.
 *
 * <p>The cookie is {@code __Host-sb_chat} (Secure, Path=/, no Domain: no sibling subdomain or
 * plain-HTTP page can set it); with {@code socialbank.web.secure-cookies=false}, which browsers
 * need to keep a cookie over plain HTTP, it is {@code sb_chat} with the same attributes less Secure.
 */
@Component
class Visitors {

    static final String SECURE_COOKIE = "__Host-sb_chat";
    static final String PLAIN_COOKIE = "sb_chat";
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9_-]{43})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final boolean secure;

    Visitors(OneTimeCodes codes, WebProperties web) {
        this.key = new SecretKeySpec(codes.deriveKey("webchat visitor session"), "HmacSHA256");
        this.secure = web.secureCookies();
    }

    /** A new session: the cookie's value and the visitor id it stands for. */
    record Session(String cookie, String visitor) {}

    Session mint() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = b64(bytes);
        return new Session(secret + "." + mac(secret), idOf(secret));
    }

    String cookieName() {
        return secure ? SECURE_COOKIE : PLAIN_COOKIE;
    }

    /** The Set-Cookie header that gives the browser this session (ends with the browser session). */
    String setCookie(String value) {
        return ResponseCookie.from(cookieName(), value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .build()
                .toString();
    }

    /** The visitor whose server-signed session cookie the request carries, if it carries one. */
    Optional<String> visitor(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (cookieName().equals(c.getName())) {
                return visitor(c.getValue());
            }
        }
        return Optional.empty();
    }

    Optional<String> visitor(String cookie) {
        java.util.regex.Matcher m = cookie == null ? null : VALUE.matcher(cookie);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        boolean signed = MessageDigest.isEqual(
                mac(m.group(1)).getBytes(StandardCharsets.US_ASCII), m.group(2).getBytes(StandardCharsets.US_ASCII));
        return signed ? Optional.of(idOf(m.group(1))) : Optional.empty();
    }

    private String mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return b64(mac.doFinal(("webchat visitor|" + secret).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String idOf(String secret) {
        try {
            return "v-" + b64(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
