package org.socialbank.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded typing mistakes of Russian chat, to measure how the Russian model reads a misspelled
 * question (issue 18 L.3, "Russian with typos"). The kinds are the ones the phrase files' own
 * hand-written typos show ("кагда", "пришол", "попалнить", "крату", "укрли", "обрабатываеться"):
 * a neighbouring key of the ЙЦУКЕН row, a letter left out or typed twice, two letters swapped, an
 * unstressed vowel written as it sounds (о/а, е/и) and -тся/-ться. A mistake never touches a word's
 * first letter, nor words of fewer than four letters.
 */
final class RussianTypos {

    private static final String[] ROWS = {"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"};
    private static final Pattern WORD = Pattern.compile("[А-ЯЁа-яё]{4,}");

    /** The kinds of mistake. */
    enum Kind {
        NEIGHBOUR,
        LEFT_OUT,
        TYPED_TWICE,
        SWAPPED,
        AS_IT_SOUNDS
    }

    private RussianTypos() {}

    /** The phrase with {@code mistakes} words misspelled (fewer if it has fewer long words). */
    static String misspell(String phrase, int mistakes, Random random) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(phrase);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        StringBuilder out = new StringBuilder(phrase);
        // right to left, so the earlier words' offsets stay valid
        List<int[]> chosen = new ArrayList<>();
        for (int n = 0; n < mistakes && !words.isEmpty(); n++) {
            chosen.add(words.remove(random.nextInt(words.size())));
        }
        chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
        for (int[] w : chosen) {
            String word = phrase.substring(w[0], w[1]);
            out.replace(w[0], w[1], misspellWord(word, random));
        }
        return out.toString();
    }

    /** One mistake in a word of four or more letters; never the same word back. */
    static String misspellWord(String word, Random random) {
        Kind[] kinds = Kind.values();
        for (int attempt = 0; attempt < 20; attempt++) {
            String typed = apply(kinds[random.nextInt(kinds.length)], word, random);
            if (typed != null && !typed.equals(word)) {
                return typed;
            }
        }
        return word.substring(0, word.length() - 1); // the last letter left out
    }

    private static String apply(Kind kind, String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 1); // never the first letter
        char c = word.charAt(at);
        switch (kind) {
            case NEIGHBOUR: {
                for (String row : ROWS) {
                    int i = row.indexOf(c);
                    if (i >= 0) {
                        int j = i == 0 ? 1 : i == row.length() - 1 ? i - 1 : i + (random.nextBoolean() ? 1 : -1);
                        return word.substring(0, at) + row.charAt(j) + word.substring(at + 1);
                    }
                }
                return null;
            }
            case LEFT_OUT:
                return word.substring(0, at) + word.substring(at + 1);
            case TYPED_TWICE:
                return word.substring(0, at) + c + word.substring(at);
            case SWAPPED:
                if (at == word.length() - 1 || c == word.charAt(at + 1)) {
                    return null;
                }
                return word.substring(0, at) + word.charAt(at + 1) + c + word.substring(at + 2);
            case AS_IT_SOUNDS:
                return asItSounds(word, random);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private static String asItSounds(String word, Random random) {
        if (word.endsWith("ться")) {
            return word.substring(0, word.length() - 4) + "тся";
        }
        if (word.endsWith("тся")) {
            return word.substring(0, word.length() - 3) + "ться";
        }
        List<Integer> vowels = new ArrayList<>();
        for (int i = 1; i < word.length(); i++) {
            if ("оаеи".indexOf(word.charAt(i)) >= 0) {
                vowels.add(i);
            }
        }
        if (vowels.isEmpty()) {
            return null;
        }
        int i = vowels.get(random.nextInt(vowels.size()));
        char sounds = switch (word.charAt(i)) {
            case 'о' -> 'а';
            case 'а' -> 'о';
            case 'е' -> 'и';
            default -> 'е';
        };
        return word.substring(0, i) + sounds + word.substring(i + 1);
    }
}
