package org.socialbank.listening;

import java.util.List;
import java.util.regex.Pattern;
import org.socialbank.listening.classify.Texts;

/**
 * Whether a text names the bank by one of its configured keywords, pure: both sides normalised
 * alike (case, accents, Arabic/Persian letter variants); a keyword is a whole word, except in Han
 * script, which has no spaces between words.
 */
final class Keywords {

    private final List<Pattern> patterns;

    Keywords(List<String> keywords) {
        this.patterns = keywords.stream()
                .map(k -> Texts.normalize(k.strip()))
                .map(Keywords::pattern)
                .toList();
    }

    boolean any() {
        return !patterns.isEmpty();
    }

    boolean named(String text) {
        if (patterns.isEmpty()) {
            return false;
        }
        String normalized = Texts.normalize(text);
        return patterns.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    private static Pattern pattern(String keyword) {
        boolean han = keyword.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String quoted = Pattern.quote(keyword);
        return Pattern.compile(han ? quoted : "(?<![\\p{L}\\p{N}_])" + quoted + "(?![\\p{L}\\p{N}_])");
    }
}
