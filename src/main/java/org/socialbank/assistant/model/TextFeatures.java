package org.socialbank.assistant.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a question into the terms the TF-IDF features count: word 1-2-grams and character
 * 2-5-grams inside word boundaries (scikit-learn's {@code char_wb}). Character n-grams need no
 * word segmentation, so the same code serves Chinese written without spaces, Persian with or
 * without its zero-width non-joiner, and Russian with typos.
 */
public final class TextFeatures {

    static final int CHAR_MIN = 2;
    static final int CHAR_MAX = 5;
    /** The letters a word keeps in {@link #stems}. */
    public static final int STEM_LETTERS = 5;

    private static final char ZWNJ = '\u200C';
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}]+");

    private TextFeatures() {}

    /**
     * NFKC, lower case, one spelling per letter: Arabic yeh and kaf become the Persian ones, the
     * ZWNJ between two parts of a Persian word is dropped (people write both ways), ё becomes е.
     */
    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            switch (c) {
                case ZWNJ, '\u200D', '\u0640' -> {} // joiners and the tatweel carry no meaning
                case '\u064A', '\u0649' -> out.append('\u06CC'); // Arabic yeh, alef maksura -> Persian yeh
                case '\u0643' -> out.append('\u06A9'); // Arabic kaf -> Persian keheh
                case 'ё' -> out.append('е');
                case '’', '‘', '`' -> out.append('\'');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Words of a normalized text: runs of letters and digits (an apostrophe inside a word is
     * kept). A run of Han characters is split into single characters, since Chinese has no
     * spaces between words.
     */
    public static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean han = c >= '\u2E80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (han) {
                flush(word, words);
                words.add(String.valueOf(c));
            } else if (Character.isLetterOrDigit(c) || (c == '\'' && !word.isEmpty())) {
                word.append(c);
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        return words;
    }

    /**
     * Each word cut to its first {@link #STEM_LETTERS} letters (code points), so that "переводы",
     * "перевода" and "перевести" are one word, as are "virement" and "virements": a crude stemmer,
     * the same for every language, which a Han character (one word each) passes unchanged.
     */
    public static List<String> stems(List<String> words) {
        List<String> stems = new ArrayList<>(words.size());
        for (String word : words) {
            stems.add(
                    word.codePointCount(0, word.length()) <= STEM_LETTERS
                            ? word
                            : word.substring(0, word.offsetByCodePoints(0, STEM_LETTERS)));
        }
        return stems;
    }

    /** The word terms: each word, and each pair of neighbouring words joined by a space. */
    public static List<String> wordTerms(List<String> words) {
        List<String> terms = new ArrayList<>(words.size() * 2);
        terms.addAll(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            terms.add(words.get(i) + " " + words.get(i + 1));
        }
        return terms;
    }

    /**
     * Character n-grams of each whitespace-separated token padded with a space on both sides;
     * a run of Han characters is one token here, so its character bigrams are its likely words.
     */
    public static List<String> charTerms(String normalized) {
        List<String> terms = new ArrayList<>();
        for (String token : SEPARATORS.split(normalized)) {
            if (token.isEmpty()) {
                continue;
            }
            String padded = " " + token + " ";
            for (int n = CHAR_MIN; n <= CHAR_MAX; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    terms.add(padded.substring(i, i + n));
                }
                if (padded.length() < n) {
                    break;
                }
            }
        }
        return terms;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            int end = word.length();
            while (end > 0 && word.charAt(end - 1) == '\'') {
                end--;
            }
            if (end > 0) {
                words.add(word.substring(0, end));
            }
            word.setLength(0);
        }
    }
}
