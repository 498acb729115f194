package org.socialbank.security.otp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code otpauth://totp/...} URI that enrols a secret in an authenticator app (the "Key Uri
 * Format" of Google Authenticator, which other apps follow). Issuer and account may be any text,
 * "Иван Петров" included; both are percent-encoded as UTF-8 (RFC 3986), never with {@code +} for
 * a space, which apps would show literally.
 *
 * @param issuer the bank's name, shown above the code in the app
 * @param account whose code it is, shown below the issuer
 * @param secret the shared key
 * @param totp the code parameters; use {@link Totp#defaults()}, as some apps ignore any others
 */
public record OtpAuthUri(String issuer, String account, TotpSecret secret, Totp totp) {

    /** Longer names are cut off by the apps anyway, and they make the QR code denser. */
    public static final int NAME_LENGTH_MAX = 64;

    public OtpAuthUri {
        checkName(issuer, "issuer");
        checkName(account, "account");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(totp, "totp");
    }

    /** The URI for the default parameters: SHA-1, 6 digits, 30 seconds. */
    public static OtpAuthUri of(String issuer, String account, TotpSecret secret) {
        return new OtpAuthUri(issuer, account, secret, Totp.defaults());
    }

    /** The URI text; it contains the secret, so it belongs in a QR code, not in a log. */
    public String value() {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + secret.base32()
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + totp.algorithm().name()
                + "&digits=" + totp.digits()
                + "&period=" + totp.periodSeconds();
    }

    @Override
    public String toString() {
        return "OtpAuthUri[" + issuer + ":" + account + ", secret redacted]";
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** The label is "issuer:account", so a colon in either would make it ambiguous. */
    private static void checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException(what + " must be 1.." + NAME_LENGTH_MAX + " characters");
        }
        if (name.indexOf(':') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain ':' or control characters");
        }
    }
}
