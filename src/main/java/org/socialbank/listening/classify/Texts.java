package org.socialbank.listening.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text normalisation and tokenisation shared by the detector, the lexicons and the staff
 * corrections: NFKC (full-width Chinese forms, Arabic presentation forms), lower case, Arabic
 * ye/kaf to their Persian letters, ZWNJ as a word break, ё as е, Latin accents dropped (French
 * posts are often typed without them). Han runs come out one character per token; the lexicon
 * joins them back by longest match.
 */
public final class Texts {

    private static final char ZWNJ = '\u200C';
    /** The token standing for a comma, full stop, semicolon or colon: negation does not cross it. */
    public static final String CLAUSE_END = ".";

    private static final String CLAUSE_ENDS = ".,;:\u2026\u3001\u3002\uFF0C\uFF1B\uFF1A\u060C\u061B";
    private static final String PERSIAN_NEGATIVE_PRESENT = "\u0646\u0645\u06CC";

    private Texts() {}

    /** NFKC and lower case only: what the language detector reads (accents still tell French). */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The full normalisation: also the key under which a staff correction is found again. */
    public static String normalize(String text) {
        String folded = fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK && isLatinMark(decomposed, i)) {
                continue;
            }
            out.append(persian(c));
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Drops accents on Latin letters, Arabic vowel marks and the Cyrillic breve is kept. */
    private static boolean isLatinMark(String s, int i) {
        char mark = s.charAt(i);
        if (mark >= '\u064B' && mark <= '\u065F') {
            return true;
        }
        if (mark == '\u0306') { // й must stay й
            return i == 0 || Character.UnicodeScript.of(s.charAt(i - 1)) != Character.UnicodeScript.CYRILLIC;
        }
        if (mark == '\u0308' && i > 0 && (s.charAt(i - 1) == 'е')) {
            return true; // ё -> е
        }
        return i > 0 && Character.UnicodeScript.of(s.charAt(i - 1)) == Character.UnicodeScript.LATIN;
    }

    private static char persian(char c) {
        return switch (c) {
            case '\u064A', '\u0649' -> '\u06CC'; // Arabic ye, alef maksura -> Persian ye
            case '\u0643' -> '\u06A9'; // Arabic kaf -> Persian kaf
            case '\u0629' -> '\u0647'; // teh marbuta -> heh
            case '\u0640' -> '\u0000'; // tatweel
            case ZWNJ -> ' ';
            default -> c;
        };
    }

    /**
     * Words of letters and digits; each Han character, emoji, '!' and '?' is a token of its own.
     * Apostrophes split ("l'appli" is "l", "appli"), so elisions do not hide words.
     */
    public static List<String> tokens(String normalized) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFE0F || cp == 0xFE0E) {
                continue; // variation selectors: "❤️" is "❤"
            }
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(word, tokens);
                tokens.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)
                    || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
                if (cp == '!' || cp == '?' || Character.getType(cp) == Character.OTHER_SYMBOL) {
                    tokens.add(new String(Character.toChars(cp)));
                } else if (cp == '\uFF01') {
                    tokens.add("!");
                } else if (cp == '\uFF1F' || cp == '\u061F') {
                    tokens.add("?");
                } else if (CLAUSE_ENDS.indexOf(cp) >= 0) {
                    tokens.add(CLAUSE_END);
                }
            }
        }
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        // Persian negative present "نمی" is written joined as often as with ZWNJ: split it off
        if (w.length() > 4 && w.startsWith(PERSIAN_NEGATIVE_PRESENT)) {
            tokens.add(PERSIAN_NEGATIVE_PRESENT);
            tokens.add(w.substring(PERSIAN_NEGATIVE_PRESENT.length()));
        } else {
            tokens.add(w);
        }
    }

    /** A clause end, '!' or '?': where negation and sarcasm scopes stop. */
    public static boolean isBoundary(String token) {
        return token.equals(CLAUSE_END) || token.equals("!") || token.equals("?");
    }

    static boolean isHan(String token) {
        return !token.isEmpty() && Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
    }
}
