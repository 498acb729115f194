package org.socialbank.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.security.otp.OneTimeCodes;
import org.springframework.stereotype.Component;

/**
 * The secrets of a claim. The claim link's token and the network claim code are derived from
 * the payment id with keys derived from the server's pepper: the payer can be shown the same
 * link again on a replay, yet the database keeps only their hashes, and without the pepper a
 * stolen table yields neither. Codes sent by SMS or e-mail are random and stored as peppered
 * HMACs bound to the payment and the alias, as the linking codes are.
 */
@Component
class ClaimSecrets {

    /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, U). */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final int NETWORK_CODE_LENGTH = 6;
    static final String NETWORK_CODE_PREFIX = "CLAIM-";
    private static final Pattern NETWORK_CODE =
            Pattern.compile("(?i)\\s*" + NETWORK_CODE_PREFIX + "[" + ALPHABET + "]{" + NETWORK_CODE_LENGTH + "}\\s*");
    static final int SENT_CODE_LENGTH = 6;

    private final OneTimeCodes codes;
    private final SecretKeySpec tokenKey;
    private final SecretKeySpec networkKey;

    ClaimSecrets(OneTimeCodes codes) {
        this.codes = codes;
        this.tokenKey = new SecretKeySpec(codes.deriveKey("payments claim link"), "HmacSHA256");
        this.networkKey = new SecretKeySpec(codes.deriveKey("payments network claim code"), "HmacSHA256");
    }

    static boolean looksLikeNetworkCode(String text) {
        return text != null && text.length() <= 40 && NETWORK_CODE.matcher(text).matches();
    }

    String token(PaymentId id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(tokenKey, "token:" + id));
    }

    String tokenHash(String token) {
        return codes.hashToken(token);
    }

    String networkCode(PaymentId id) {
        byte[] bytes = mac(networkKey, "code:" + id);
        StringBuilder code = new StringBuilder(NETWORK_CODE_PREFIX);
        for (int i = 0; i < NETWORK_CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt((bytes[i] & 0xff) % ALPHABET.length()));
        }
        return code.toString();
    }

    /** The hash to store and look up a network code by; any spacing and case give the same hash. */
    String networkCodeHash(String code) {
        return HexFormat.of().formatHex(mac(networkKey, "hash:" + code.strip().toUpperCase(Locale.ROOT)));
    }

    String newSentCode() {
        return codes.generate(SENT_CODE_LENGTH);
    }

    String sentCodeHash(String code, PaymentId id, String alias) {
        return codes.hash(code, context(id, alias));
    }

    boolean sentCodeMatches(String code, PaymentId id, String alias, String storedHash) {
        return codes.matches(code, context(id, alias), storedHash);
    }

    private static String context(PaymentId id, String alias) {
        return "claim payment " + id + " to " + alias;
    }

    private static byte[] mac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
