package org.socialbank.channels.x;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.socialbank.shared.Digests;

/**
 * The Account Activity webhook's proofs, both HMAC-SHA256 keyed with the app's consumer secret and
 * written {@code sha256=<base64>}: the answer to a CRC challenge (over the {@code crc_token}) and
 * the {@code x-twitter-webhooks-signature} header of every event post (over the raw body).
 */
final class XSignatures {

    static final String PREFIX = "sha256=";

    /** The longest {@code crc_token} answered; X's are a few dozen characters. */
    static final int CRC_TOKEN_LENGTH_MAX = 128;

    /**
     * What a {@code crc_token} may hold: the base64 and base64url alphabets. No JSON object can be
     * written with them (no brace, no quote), which is what keeps the CRC answer from being the
     * signature of an event body (security review #1).
     */
    private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{1," + CRC_TOKEN_LENGTH_MAX + "}");

    private XSignatures() {}

    /**
     * Whether a {@code crc_token} has the shape of X's short opaque tokens. Anything else is not
     * answered: the answer is an HMAC with the key of event signatures, so answering any string
     * would sign any body.
     */
    static boolean crcTokenShaped(String crcToken) {
        return crcToken != null && CRC_TOKEN.matcher(crcToken).matches();
    }

    /** The {@code response_token} that answers a CRC challenge; only for a {@link #crcTokenShaped shaped} token. */
    static String crcResponse(String consumerSecret, String crcToken) {
        return sign(consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String consumerSecret, byte[] body) {
        return PREFIX + Base64.getEncoder().encodeToString(Digests.hmacSha256(consumerSecret, body));
    }

    /**
     * Whether the header proves the body. Compared in constant time, on digests of equal length
     * whatever the header's, so the answer's timing tells nothing about the expected value.
     */
    static boolean matches(String consumerSecret, byte[] body, String header) {
        if (header == null || consumerSecret == null || consumerSecret.isEmpty()) {
            return false;
        }
        return Digests.equalInConstantTime(sign(consumerSecret, body), header.strip());
    }
}
