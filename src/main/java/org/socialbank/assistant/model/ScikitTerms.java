package org.socialbank.assistant.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms of scikit-learn's {@code TfidfVectorizer} (1.x) with its default preprocessing, for
 * {@link Tfidf.Terms#SCIKIT_LEARN}: {@code analyzer="word"} with {@code token_pattern}
 * {@code (?u)\b\w\w+\b}, and {@code analyzer="char_wb"}, both on the lower-cased text.
 */
final class ScikitTerms {

    private static final Pattern TOKEN = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ScikitTerms() {}

    /** The word tokens: runs of two or more word characters; punctuation and one-letter words go. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /**
     * {@code _char_wb_ngrams}: each whitespace-separated token, punctuation included, padded with
     * one space on each side; its n-grams for n = 2..5, and a padded token shorter than n once.
     */
    static List<String> chars(String text) {
        List<String> terms = new ArrayList<>();
        for (String token : WHITESPACE.split(text.toLowerCase(Locale.ROOT))) {
            if (token.isEmpty()) {
                continue;
            }
            String padded = " " + token + " ";
            for (int n = TextFeatures.CHAR_MIN; n <= TextFeatures.CHAR_MAX; n++) {
                int offset = 0;
                terms.add(padded.substring(0, Math.min(n, padded.length())));
                while (offset + n < padded.length()) {
                    offset++;
                    terms.add(padded.substring(offset, offset + n));
                }
                if (offset == 0) {
                    break;
                }
            }
        }
        return terms;
    }
}
