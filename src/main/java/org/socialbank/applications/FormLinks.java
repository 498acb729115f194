package org.socialbank.applications;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.socialbank.directory.DirectoryProperties;
import org.socialbank.shared.Digests;
import org.springframework.stereotype.Component;

/**
 * The form's one-time links: a random token in the link, only its SHA-256 in the store, so that
 * the store alone opens no form. Shared by starting an application and by staff asking for more
 * information (which opens the form again under a new link).
 */
@Component
class FormLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DirectoryProperties pages;

    FormLinks(DirectoryProperties pages) {
        this.pages = pages;
    }

    /** The form's link; it opens the page in the customer's language. */
    String url(String token, String language) {
        return pages.url("/apply/" + token + "?lang=" + language);
    }

    /** A new token: 24 random bytes. */
    static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the store keeps of a token. */
    static String hash(String token) {
        return HexFormat.of().formatHex(Digests.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
