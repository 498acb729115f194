package org.socialbank.conversation.language;

import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.language.Sense.IntentWord;
import org.socialbank.conversation.language.Token.Kind;
import org.socialbank.shared.Language;

/**
 * The language of a text, from its words: an intent word counts 3 (a weak one 2), any other word
 * of the lexicon 1, and an unknown word 1 for the language of its script (Cyrillic, Persian,
 * Chinese; a Latin word may be a name and counts nothing). The highest score wins; on a tie, or
 * when nothing counts (10 @bob, /balance), the hint, else the first of the tie, else English.
 */
final class LanguageGuess {

    private static final int INTENT_WEIGHT = 3;
    private static final int WEAK_INTENT_WEIGHT = 2;

    private LanguageGuess() {}

    static Language detect(List<Token> tokens, PhraseMatches marks, Optional<Language> hint, Lexicon lexicon) {
        int[] scores = new int[Language.values().length];
        for (PhraseMatches.Match mark : marks.all()) {
            mark.senses().forEach(sense -> count(scores, sense));
        }
        for (int j = 0; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (token.is(Kind.COMMAND) && token.text().startsWith("#")) {
                lexicon.word(token.key(), token.text()).forEach(sense -> count(scores, sense));
            } else if (token.is(Kind.SYMBOL)) {
                lexicon.sign(token.text().codePointAt(0)).ifPresent(sign -> count(scores, sign));
            } else if (!marks.covered(j)) {
                Optional.ofNullable(scriptLanguage(token)).ifPresent(l -> scores[l.ordinal()]++);
            }
        }
        return best(scores, hint);
    }

    private static void count(int[] scores, Sense sense) {
        if (sense.language() == null) {
            return;
        }
        int weight = sense instanceof IntentWord word ? (word.weak() ? WEAK_INTENT_WEIGHT : INTENT_WEIGHT) : 1;
        scores[sense.language().ordinal()] += weight;
    }

    private static Language scriptLanguage(Token token) {
        if (token.is(Kind.HAN) || token.is(Kind.HAN_NUMBER)) {
            return Language.ZH;
        }
        if (!token.is(Kind.WORD)) {
            return null;
        }
        return switch (token.script()) {
            case CYRILLIC -> Language.RU;
            case ARABIC -> Language.FA;
            case HAN -> Language.ZH;
            default -> null;
        };
    }

    private static Language best(int[] scores, Optional<Language> hint) {
        int max = 0;
        for (int score : scores) {
            max = Math.max(max, score);
        }
        if (max == 0) {
            return hint.orElse(Language.EN);
        }
        if (hint.isPresent() && scores[hint.get().ordinal()] == max) {
            return hint.get();
        }
        for (Language language : Language.values()) {
            if (scores[language.ordinal()] == max) {
                return language;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
