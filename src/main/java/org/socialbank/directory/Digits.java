package org.socialbank.directory;

/** Native digits (Persian, Arabic-Indic, full-width) to ASCII, so that ۰۹۱۲ reads as 0912. */
public final class Digits {

    private Digits() {
    }

    public static String toAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int digit = Character.isDigit(c) ? Character.digit(c, 10) : -1;
            out.appendCodePoint(digit >= 0 ? '0' + digit : c);
        });
        return out.toString();
    }
}
