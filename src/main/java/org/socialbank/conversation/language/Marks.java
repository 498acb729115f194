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
final class Marks {

    private final List<Mark> marks;
    private final Mark[] byStart;
    private final boolean[] covered;

    private Marks(List<Mark> marks, int tokens) {
        this.marks = List.copyOf(marks);
        this.byStart = new Mark[tokens];
        this.covered = new boolean[tokens];
        for (Mark mark : marks) {
            byStart[mark.from()] = mark;
            Arrays.fill(covered, mark.from(), mark.to(), true);
        }
    }

    static Marks of(List<Token> tokens, Lexicon lexicon) {
        List<Mark> marks = new ArrayList<>();
        int j = 0;
        while (j < tokens.size()) {
            Optional<Mark> mark = longestAt(tokens, j, lexicon);
            if (mark.isPresent()) {
                marks.add(mark.get());
                j = mark.get().to();
            } else {
                j++;
            }
        }
        return new Marks(marks, tokens.size());
    }

    private static Optional<Mark> longestAt(List<Token> tokens, int j, Lexicon lexicon) {
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
                return Optional.of(new Mark(j, j + width, senses));
            }
        }
        if (run == 0) {
            return Optional.empty();
        }
        List<Sense> senses = lexicon.word(tokens.get(j).key(), tokens.get(j).text());
        return senses.isEmpty() ? Optional.empty() : Optional.of(new Mark(j, j + 1, senses));
    }

    private static boolean isWord(Token token) {
        return token.is(Kind.WORD) || token.is(Kind.HAN);
    }

    List<Mark> all() {
        return marks;
    }

    /** The senses of the one-word mark at {@code j}, as amounts look at their neighbours. */
    List<Sense> wordAt(int j) {
        Mark mark = j >= 0 && j < byStart.length ? byStart[j] : null;
        return mark == null || mark.to() != j + 1 ? List.of() : mark.senses();
    }

    Optional<Mark> startingAt(int j) {
        return Optional.ofNullable(j >= 0 && j < byStart.length ? byStart[j] : null);
    }

    boolean covered(int j) {
        return covered[j];
    }

    <T extends Sense> Optional<T> wordAt(int j, Class<T> type) {
        return wordAt(j).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Tokens {@code [from, to)} mean {@code senses}. */
    record Mark(int from, int to, List<Sense> senses) {

        <T extends Sense> Optional<T> sense(Class<T> type) {
            return senses.stream().filter(type::isInstance).map(type::cast).findFirst();
        }
    }
}
