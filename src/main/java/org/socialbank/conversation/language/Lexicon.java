package org.socialbank.conversation.language;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socialbank.conversation.language.Sense.CurrencyWord;
import org.socialbank.conversation.language.Sense.Filler;
import org.socialbank.conversation.language.Sense.HowWord;
import org.socialbank.conversation.language.Sense.IntentWord;
import org.socialbank.conversation.language.Sense.LanguageName;
import org.socialbank.conversation.language.Sense.Multiplier;
import org.socialbank.shared.CurrencyCode;
import org.socialbank.shared.Language;

/**
 * The words the parser knows, in five languages: exact phrases, Russian stems (a verb has many
 * endings: переведи, перевести, переведите), Chinese words for cutting unspaced text, currency
 * signs and the short commands of {@code #hashtags} and {@code /slash} commands.
 */
final class Lexicon {

    /** Chinese numerals: digits, 两, the units up to 亿, and their banking (大写) forms. */
    static final String HAN_NUMERALS = "零〇一二两兩三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億";

    private static final int STEM_LENGTH_MIN = 3;

    private static final Lexicon LEXICON = build();

    private final Map<String, List<Sense>> phrases;
    private final Map<String, List<Sense>> stems;
    private final Map<Integer, CurrencyWord> signs;
    private final Map<String, Intent> commands;
    private final Set<String> hanWords;
    private final int phraseWordsMax;
    private final int hanLengthMax;

    private Lexicon(Builder b) {
        this.phrases = frozen(b.phrases);
        this.stems = frozen(b.stems);
        this.signs = Map.copyOf(b.signs);
        this.commands = Map.copyOf(b.commands);
        Set<String> han = new HashSet<>();
        for (String key : b.phrases.keySet()) {
            for (String piece : key.split(" ")) {
                if (Text.isHan(piece.codePointAt(0))) {
                    han.add(piece);
                }
            }
        }
        this.hanWords = Set.copyOf(han);
        this.phraseWordsMax = b.phrases.keySet().stream()
                .mapToInt(k -> k.split(" ").length)
                .max()
                .orElse(1);
        this.hanLengthMax = han.stream()
                .mapToInt(w -> w.codePointCount(0, w.length()))
                .max()
                .orElse(1);
    }

    private static Map<String, List<Sense>> frozen(Map<String, List<Sense>> senses) {
        Map<String, List<Sense>> copy = new HashMap<>();
        senses.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    static Lexicon get() {
        return LEXICON;
    }

    private static Lexicon build() {
        Builder b = new Builder();
        English.into(b);
        French.into(b);
        Russian.into(b);
        Persian.into(b);
        Chinese.into(b);
        CommonWords.into(b);
        NumberWords.into(b);
        return new Lexicon(b);
    }

    /** The senses of a phrase key ({@link Text#phraseKey}), or none. */
    List<Sense> phrase(String key) {
        return phrases.getOrDefault(key, List.of());
    }

    /** The senses of the longest stem the (Russian) word starts with, or none. */
    List<Sense> stem(String key) {
        for (int length = key.length(); length >= STEM_LENGTH_MIN; length--) {
            List<Sense> senses = stems.get(key.substring(0, length));
            if (senses != null) {
                return senses;
            }
        }
        return List.of();
    }

    /**
     * The senses of one written word: its phrase entry, else its Russian stem, else an ISO 4217
     * code ({@code EUR} anywhere; {@code eur} only next to a number, as "try" or "mad" are words).
     */
    List<Sense> word(String key, String written) {
        List<Sense> senses = phrase(key);
        if (senses.isEmpty() && !key.isEmpty() && Text.script(key.codePointAt(0)) == Text.Script.CYRILLIC) {
            senses = stem(key);
        }
        if (senses.isEmpty() && key.length() == 3 && written.chars().allMatch(Text::isAsciiLetter)) {
            Optional<CurrencyCode> code = CurrencyCode.find(key.toUpperCase(Locale.ROOT));
            boolean upper = written.equals(written.toUpperCase(Locale.ROOT));
            senses = code.<List<Sense>>map(c -> List.of(new CurrencyWord(c.code(), BigDecimal.ONE, !upper, null)))
                    .orElse(List.of());
        }
        return senses;
    }

    Optional<CurrencyWord> sign(int c) {
        return Optional.ofNullable(signs.get(c));
    }

    /** The intent of a {@code #hashtag} or {@code /command} word that is not an ordinary word. */
    Optional<Intent> command(String key) {
        return Optional.ofNullable(commands.get(key));
    }

    int phraseWordsMax() {
        return phraseWordsMax;
    }

    /** The length of the longest Chinese word of the lexicon at {@code i}, or 0. */
    int hanWordAt(int[] cps, int i) {
        for (int length = Math.min(hanLengthMax, cps.length - i); length >= 1; length--) {
            if (hanWords.contains(new String(cps, i, length))) {
                return length;
            }
        }
        return 0;
    }

    static boolean isHanNumeral(int c) {
        return HAN_NUMERALS.indexOf(c) >= 0;
    }

    /** Collects the vocabularies; each language's class adds its own words. */
    static final class Builder {

        private final Map<String, List<Sense>> phrases = new HashMap<>();
        private final Map<String, List<Sense>> stems = new HashMap<>();
        private final Map<Integer, CurrencyWord> signs = new HashMap<>();
        private final Map<String, Intent> commands = new HashMap<>();

        Builder intent(Language language, Intent intent, String... words) {
            return add(new IntentWord(intent, false, language), words);
        }

        Builder weak(Language language, Intent intent, String... words) {
            return add(new IntentWord(intent, true, language), words);
        }

        Builder how(Language language, String... words) {
            return add(new HowWord(language), words);
        }

        Builder filler(Language language, String... words) {
            return add(new Filler(language), words);
        }

        Builder currency(String code, Language language, String... words) {
            return add(new CurrencyWord(code, BigDecimal.ONE, false, language), words);
        }

        /** A currency word that means something else away from a number ("rs", "р", "pound"). */
        Builder currencyNextToNumber(String code, Language language, String... words) {
            return add(new CurrencyWord(code, BigDecimal.ONE, true, language), words);
        }

        Builder unit(String code, BigDecimal factor, Language language, String... words) {
            return add(new CurrencyWord(code, factor, false, language), words);
        }

        /** A unit written as a letter ("ت" for toman) that means it only after a number. */
        Builder unitNextToNumber(String code, BigDecimal factor, Language language, String... words) {
            return add(new CurrencyWord(code, factor, true, language), words);
        }

        /** Hundredths of the currency, or of any currency when {@code code} is null. */
        Builder cents(String code, Language language, String... words) {
            return add(new Sense.Subunit(new BigDecimal("0.01"), code, language), words);
        }

        Builder multiplier(long factor, Language language, String... words) {
            return add(new Multiplier(BigDecimal.valueOf(factor), false, language), words);
        }

        Builder gluedMultiplier(long factor, Language language, String... words) {
            return add(new Multiplier(BigDecimal.valueOf(factor), true, language), words);
        }

        /** Number words, each worth the next value: {@code numbers(EN, 1, "one", "two")}. */
        Builder numbers(Language language, long first, String... words) {
            for (int k = 0; k < words.length; k++) {
                add(new Sense.NumberWord(BigDecimal.valueOf(first + k), false, false, language), words[k]);
            }
            return this;
        }

        /** Number words of the given values, in order: tens, hundreds. */
        Builder numbers(Language language, long[] values, String... words) {
            for (int k = 0; k < words.length; k++) {
                add(new Sense.NumberWord(BigDecimal.valueOf(values[k]), false, false, language), words[k]);
            }
            return this;
        }

        Builder number(Language language, BigDecimal value, String... words) {
            return add(new Sense.NumberWord(value, false, false, language), words);
        }

        Builder weakNumber(Language language, String... ones) {
            return add(new Sense.NumberWord(BigDecimal.ONE, false, true, language), ones);
        }

        Builder hundredWord(Language language, String... words) {
            return add(new Sense.NumberWord(BigDecimal.valueOf(100), true, false, language), words);
        }

        Builder languageName(Language target, Language language, String... words) {
            return add(new LanguageName(target, language), words);
        }

        Builder centStems(String code, Language language, String... prefixes) {
            return stems(new Sense.Subunit(new BigDecimal("0.01"), code, language), prefixes);
        }

        /** Russian words by their stem: every ending of the stem has the sense. */
        Builder stems(Sense sense, String... prefixes) {
            for (String prefix : prefixes) {
                String key = Text.key(prefix);
                if (key.length() < STEM_LENGTH_MIN) {
                    throw new IllegalStateException("stem too short: " + prefix);
                }
                stems.computeIfAbsent(key, k -> new ArrayList<>()).add(sense);
            }
            return this;
        }

        Builder sign(int sign, String code) {
            return sign(sign, code, null);
        }

        /** A sign that also hints at the language ₽ is written in. */
        Builder sign(int sign, String code, Language language) {
            signs.put(sign, new CurrencyWord(code, BigDecimal.ONE, false, language));
            return this;
        }

        Builder command(Intent intent, String... words) {
            for (String word : words) {
                commands.put(Text.key(word), intent);
            }
            return this;
        }

        private Builder add(Sense sense, String... words) {
            for (String word : words) {
                String key = Text.phraseKey(word);
                if (key.isEmpty()) {
                    throw new IllegalStateException("no letters in lexicon entry: " + word);
                }
                List<Sense> senses = phrases.computeIfAbsent(key, k -> new ArrayList<>());
                if (!senses.contains(sense)) {
                    senses.add(sense);
                }
            }
            return this;
        }
    }
}
