package org.socialbank.payments.requests;

import java.util.Base64;
import java.util.Locale;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.stereotype.Component;

/**
 * The pay link's token and the payment reference of a request to someone who is not a customer.
 * Both are derived from the request id and the server's pepper ({@link OneTimeCodes#deriveKey}),
 * so a replay shows the same link, and without the pepper the id yields neither; the database
 * keeps only the token's hash. The reference is no secret (it travels on bank statements): anyone
 * who knows it can only give the requester money.
 */
@Component
class RequestSecrets {

    /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, U). */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final String REFERENCE_PREFIX = "SBRQ";
    private static final int REFERENCE_LENGTH = 12;

    private final OneTimeCodes codes;

    RequestSecrets(OneTimeCodes codes) {
        this.codes = codes;
    }

    String token(RequestId id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(codes.deriveKey("request pay link " + id));
    }

    String tokenHash(String token) {
        return codes.hashToken(token);
    }

    /** E.g. {@code SBRQ7K3Q9XMB2D4F}: short enough to type into a banking app, 30^12 values. */
    String reference(RequestId id) {
        byte[] bytes = codes.deriveKey("request payment reference " + id);
        StringBuilder reference = new StringBuilder(REFERENCE_PREFIX);
        for (int i = 0; i < REFERENCE_LENGTH; i++) {
            reference.append(ALPHABET.charAt((bytes[i] & 0xff) % ALPHABET.length()));
        }
        return reference.toString();
    }

    /** A reference as a bank feed may carry it (spaces, dashes, lower case) in the form it is stored. */
    static String normalizeReference(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
