package org.socialbank.shared;

import java.util.Optional;

/**
 * Digits as customers type or paste them: ASCII, Persian (۰-۹) or Arabic-Indic (٠-٩), with
 * spaces and dashes between groups. {@link #only} reads a number: anything else makes the input
 * unreadable rather than being dropped, so a typo never turns into another valid number.
 * {@link #toAscii} only writes native digits in ASCII, so that ۰۹۱۲ reads as 0912 in a phone or a
 * code (one class since issue 14; they were {@code billing.Digits} and {@code directory.Digits}).
 */
public final class Digits {

    /** Longer input is refused before it is read (a 26-digit barcode with separators fits easily). */
    public static final int INPUT_LENGTH_MAX = 64;

    private Digits() {}

    /** Native digits (Persian, Arabic-Indic, full-width, any Unicode decimal digit) to ASCII; the rest is kept. */
    public static String toAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int digit = Character.isDigit(c) ? Character.digit(c, 10) : -1;
            out.appendCodePoint(digit >= 0 ? '0' + digit : c);
        });
        return out.toString();
    }

    /** The ASCII digits of the input, or empty when it holds anything but digits and separators. */
    public static Optional<String> only(String input) {
        if (input == null || input.length() > INPUT_LENGTH_MAX) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = digit(c);
            if (digit >= 0) {
                digits.append((char) ('0' + digit));
            } else if (!separator(c)) {
                return Optional.empty();
            }
        }
        return digits.isEmpty() ? Optional.empty() : Optional.of(digits.toString());
    }

    /** The value of an ASCII, Persian or Arabic-Indic digit; -1 for anything else. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        return -1;
    }

    private static boolean separator(char c) {
        return c == ' '
                || c == '\u00A0'
                || c == '\u202F'
                || c == '\u200C'
                || c == '\t'
                || c == '-'
                || c == '\u2010'
                || c == '\u2011'
                || c == '\u2012'
                || c == '\u2013'
                || c == '\u2014'
                || c == '\u2212'
                || c == '_';
    }
}
