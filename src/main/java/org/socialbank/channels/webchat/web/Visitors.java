package org.socialbank.channels.webchat.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A visitor of the web chat is a random secret in an HttpOnly cookie. Only its SHA-256 is used as
 * the chat account's id and the key of its messages, so a database dump holds no usable cookie.
 */
final class Visitors {

    static final String COOKIE = "sb_chat";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Visitors() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    /** The visitor's id (the external user id of the chat account) for a well-formed cookie. */
    static Optional<String> visitor(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return Optional.of("v-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
