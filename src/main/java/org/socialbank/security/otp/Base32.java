package org.socialbank.security.otp;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Base32 (RFC 4648 section 6), the alphabet authenticator apps use for secrets. Encoding leaves
 * out the padding, as otpauth URIs do; decoding accepts what people type or paste: lower case,
 * spaces between groups, and padding.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    public static String encode(byte[] data) {
        Objects.requireNonNull(data, "data");
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8 | b & 0xff) & 0xfff; // at most 4 bits stay unread, plus 8 new
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET.charAt(buffer >>> bits & 31));
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt(buffer << 5 - bits & 31));
        }
        return out.toString();
    }

    /**
     * The bytes of a Base32 text, ignoring case, white space and trailing padding.
     *
     * @throws IllegalArgumentException for any other character or a length no encoder produces;
     *     the message never repeats the text, which is usually a secret
     */
    public static byte[] decode(String text) {
        String symbols = symbols(Objects.requireNonNull(text, "text"));
        int rest = symbols.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("not Base32: " + symbols.length()
                    + " symbols is not a length any encoder produces (is a character missing?)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(symbols.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < symbols.length(); i++) {
            buffer = (buffer << 5 | ALPHABET.indexOf(symbols.charAt(i))) & 0xfff;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write(buffer >>> bits & 0xff);
            }
        }
        return out.toByteArray();
    }

    /** The upper-case symbols without white space and padding; rejects anything else. */
    private static String symbols(String text) {
        StringBuilder symbols = new StringBuilder(text.length());
        boolean padding = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            if (upper == '=') {
                padding = true;
            } else if (padding || ALPHABET.indexOf(upper) < 0) {
                throw new IllegalArgumentException("not Base32: unexpected character at position " + i);
            } else {
                symbols.append(upper);
            }
        }
        return symbols.toString();
    }
}
