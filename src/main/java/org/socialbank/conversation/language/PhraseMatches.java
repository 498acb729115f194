package org.socialbank.conversation.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.language.Token.Kind;

/**
 * The lexicon laid over the tokens: the longest phrase at each word ("how much do i have" before
 * "how"), each word or phrase marked once.
 */
final class PhraseMatches {

    private final List<Match> matches;
    private final Match[] byStart;
    private final boolean[] covered;

    private PhraseMatches(List<Match> matches, int tokens) {
        this.matches = List.copyOf(matches);
        this.byStart = new Match[tokens];
        this.covered = new boolean[tokens];
        for (Match match : matches) {
            byStart[match.from()] = match;
            Arrays.fill(covered, match.from(), match.to(), true);
        }
    }

    static PhraseMatches of(List<Token> tokens, Lexicon lexicon) {
        List<Match> matches = new ArrayList<>();
        int j = 0;
        while (j < tokens.size()) {
            Optional<Match> match = longestAt(tokens, j, lexicon);
            if (match.isPresent()) {
                matches.add(match.get());
                j = match.get().to();
            } else {
                j++;
            }
        }
        return new PhraseMatches(matches, tokens.size());
    }

    private static Optional<Match> longestAt(List<Token> tokens, int j, Lexicon lexicon) {
        int run = 0;
        while (j + run < tokens.size() && run < lexicon.phraseWordsMax() && isWord(tokens.get(j + run))) {
            run++;
        }
        for (int width = run; width >= 2; width--) {
            StringBuilder key = new StringBuilder(tokens.get(j).key());
            for (int k = j + 1; k < j + width; k++) {
                key.append(' ').append(tokens.get(k).key());
            }
            List<Sense> senses = lexicon.phrase(key.toString());
            if (!senses.isEmpty()) {
                return Optional.of(new Match(j, j + width, senses));
            }
        }
        if (run == 0) {
            return Optional.empty();
        }
        List<Sense> senses = lexicon.word(tokens.get(j).key(), tokens.get(j).text());
        return senses.isEmpty() ? Optional.empty() : Optional.of(new Match(j, j + 1, senses));
    }

    private static boolean isWord(Token token) {
        return token.is(Kind.WORD) || token.is(Kind.HAN);
    }

    List<Match> all() {
        return matches;
    }

    /** The senses of the one-word match at {@code j}, as amounts look at their neighbours. */
    List<Sense> wordAt(int j) {
        Match match = j >= 0 && j < byStart.length ? byStart[j] : null;
        return match == null || match.to() != j + 1 ? List.of() : match.senses();
    }

    Optional<Match> startingAt(int j) {
        return Optional.ofNullable(j >= 0 && j < byStart.length ? byStart[j] : null);
    }

    boolean covered(int j) {
        return covered[j];
    }

    <T extends Sense> Optional<T> wordAt(int j, Class<T> type) {
        return wordAt(j).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Tokens {@code [from, to)} mean {@code senses}. */
    record Match(int from, int to, List<Sense> senses) {

        <T extends Sense> Optional<T> sense(Class<T> type) {
            return senses.stream().filter(type::isInstance).map(type::cast).findFirst();
        }
    }
}
