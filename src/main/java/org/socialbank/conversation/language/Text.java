package org.socialbank.conversation.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One spelling for what people type many ways: full-width forms, native digits, Arabic letter
 * forms on Persian keyboards, invisible direction marks that right-to-left clients insert, and
 * (for comparing words) case and Latin accents.
 */
final class Text {

    private Text() {}

    /**
     * NFKC (so full-width {@code １０} and no-break spaces become {@code 10} and a space), ASCII
     * digits, Persian yeh and keheh, no zero-width or bidi marks, no Arabic vowel signs.
     */
    static String normalize(String raw) {
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int k = 0; k < nfkc.length(); ) {
            int c = nfkc.codePointAt(k);
            k += Character.charCount(c);
            if (!invisible(c)) {
                out.appendCodePoint(map(c));
            }
        }
        return out.toString();
    }

    private static boolean invisible(int c) {
        return c == 0x200C
                || c == 0x200D
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C
                || c == 0xFEFF
                || c == 0x0640
                || c == 0xFE0E
                || c == 0xFE0F
                || c == 0x0670
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || (c >= 0x064B && c <= 0x065F);
    }

    private static int map(int c) {
        if (Character.isDigit(c)) {
            return '0' + Character.digit(c, 10); // as directory.Digits: ۰۹۱۲ reads 0912
        }
        if (c == 0x200B
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.CONTROL) {
            return ' ';
        }
        return switch (c) {
            case 0x064A, 0x0649 -> 0x06CC; // Arabic yeh and alef maksura: Persian yeh
            case 0x0643 -> 0x06A9; // Arabic kaf: Persian keheh
            case 0x2212, 0x2013 -> '-';
            default -> c;
        };
    }

    /** A word as the lexicon compares it: lower case, ё as е, Latin letters without accents. */
    static String key(String word) {
        StringBuilder out = new StringBuilder(word.length());
        word.codePoints().forEach(c -> {
            int lower = Character.toLowerCase(c);
            if (lower == 'ё') {
                lower = 'е';
            } else if (lower > 0x7F && Character.UnicodeScript.of(lower) == Character.UnicodeScript.LATIN) {
                lower = Normalizer.normalize(Character.toString(lower), Normalizer.Form.NFD)
                        .codePointAt(0);
            }
            out.appendCodePoint(lower);
        });
        return out.toString();
    }

    /**
     * The key of a lexicon phrase: its words as the scanner cuts them ({@code s'il te plaît} is
     * {@code s il te plait}), joined by single spaces; a run of Chinese stays one piece.
     */
    static String phraseKey(String phrase) {
        String text = normalize(phrase);
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int k = 0; k < text.length(); ) {
            int c = text.codePointAt(k);
            k += Character.charCount(c);
            boolean han = isHan(c);
            boolean letter = isLetter(c);
            if (piece.length() > 0 && (!letter || han != isHan(piece.codePointAt(0)))) {
                pieces.add(key(piece.toString()));
                piece.setLength(0);
            }
            if (letter) {
                piece.appendCodePoint(c);
            }
        }
        if (piece.length() > 0) {
            pieces.add(key(piece.toString()));
        }
        return String.join(" ", pieces);
    }

    static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** A letter or a combining mark of one (Persian and Russian words may carry them). */
    static boolean isLetter(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static Script script(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return switch (script) {
            case LATIN -> Script.LATIN;
            case CYRILLIC -> Script.CYRILLIC;
            case ARABIC -> Script.ARABIC;
            case HAN -> Script.HAN;
            default -> Script.OTHER;
        };
    }

    enum Script {
        LATIN,
        CYRILLIC,
        ARABIC,
        HAN,
        OTHER
    }
}
