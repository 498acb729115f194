package org.socialbank.conversation.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.socialbank.conversation.language.Token.Kind;

/**
 * The payer's recent payees, found by name: case-insensitively, a full name or the first name
 * when no other recent payee has it, a Russian name with its case ending (Ивану, Маше), and a
 * Chinese name inside unspaced text (给王伟转100).
 */
final class Names {

    private static final String RUSSIAN_ENDINGS = "аяьйоеиы";
    private static final int ENDING_LENGTH_MAX = 2;

    private final List<Name> names;

    private Names(List<Name> names) {
        this.names = names;
    }

    static Names of(List<String> recentPayees) {
        List<Name> names = new ArrayList<>();
        for (String display : recentPayees) {
            String key = Text.phraseKey(display);
            if (!key.isEmpty()) {
                List<String> words = List.of(key.split(" "));
                boolean han = words.size() == 1 && Text.isHan(key.codePointAt(0));
                names.add(
                        new Name(display.strip(), words, han ? key.codePoints().toArray() : null));
            }
        }
        names.sort(Comparator.comparingInt((Name n) -> n.words().size()).reversed());
        return new Names(names);
    }

    /** The longest Chinese name written at {@code i}. */
    Optional<Match> hanAt(int[] cps, int i) {
        Match best = null;
        for (Name name : names) {
            int[] han = name.han();
            if (han != null
                    && i + han.length <= cps.length
                    && Arrays.equals(cps, i, i + han.length, han, 0, han.length)
                    && (best == null || han.length > best.length())) {
                best = new Match(name.display(), han.length);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The tokens with every run of words that names a recent payee made one payee token. */
    List<Token> mark(List<Token> tokens) {
        if (names.isEmpty()) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size());
        for (int j = 0; j < tokens.size(); ) {
            Optional<Found> found = tokens.get(j).is(Kind.WORD) ? at(tokens, j) : Optional.empty();
            if (found.isEmpty()) {
                out.add(tokens.get(j++));
                continue;
            }
            Token first = tokens.get(j);
            Token last = tokens.get(j + found.get().words() - 1);
            Payee payee = Payee.name(found.get().display());
            out.add(new Token(Kind.PAYEE, first.text(), payee.value(), payee, first.start(), last.end()));
            j += found.get().words();
        }
        return out;
    }

    private Optional<Found> at(List<Token> tokens, int j) {
        for (Name name : names) {
            if (fullAt(tokens, j, name.words())) {
                return Optional.of(new Found(name.display(), name.words().size()));
            }
        }
        String key = tokens.get(j).key();
        List<Name> byFirstName = names.stream()
                .filter(n -> n.words().size() > 1 && n.words().get(0).equals(key))
                .toList();
        if (byFirstName.size() == 1) {
            return Optional.of(new Found(byFirstName.get(0).display(), 1));
        }
        List<Name> inflected =
                names.stream().filter(n -> inflects(key, n.words().get(0))).toList();
        return inflected.size() == 1 ? Optional.of(new Found(inflected.get(0).display(), 1)) : Optional.empty();
    }

    private static boolean fullAt(List<Token> tokens, int j, List<String> words) {
        if (j + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            Token token = tokens.get(j + k);
            if (!token.is(Kind.WORD) || !token.key().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Иван → Ивану, Ивана; Маша → Маше, Машу: a Russian name with a case ending. */
    private static boolean inflects(String word, String name) {
        if (name.length() < 3 || Text.script(name.codePointAt(0)) != Text.Script.CYRILLIC) {
            return false;
        }
        char lastLetter = name.charAt(name.length() - 1);
        String stem = RUSSIAN_ENDINGS.indexOf(lastLetter) >= 0 ? name.substring(0, name.length() - 1) : name;
        return !word.equals(name)
                && word.startsWith(stem)
                && word.length() - name.length() <= ENDING_LENGTH_MAX
                && word.length() > stem.length();
    }

    record Match(String display, int length) {}

    private record Found(String display, int words) {}

    private record Name(String display, List<String> words, int[] han) {}
}
