package org.socialbank.conversation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialbank.shared.Language;

/**
 * Every command of the corpus reads exactly as expected (language, intent, amount, currency and
 * payees): 100%, and every mismatch is printed, not only the first.
 */
class CommandCorpusUnitTests {

    static final int COMMANDS_PER_LANGUAGE_MIN = 50;

    private final CommandParser parser = new CommandParser();

    @Test
    void readsEveryCommandOfTheCorpus() {
        List<Corpus.Line> lines = Corpus.load();
        List<String> mismatches = new ArrayList<>();
        Map<Language, int[]> passed = new EnumMap<>(Language.class);
        for (Corpus.Line line : lines) {
            String actual = Corpus.describe(parser.parse(line.text(), line.hint(), Corpus.CONTEXT));
            int[] counts = passed.computeIfAbsent(line.language(), l -> new int[2]);
            counts[1]++;
            if (actual.equals(line.expected())) {
                counts[0]++;
            } else {
                mismatches.add("line " + line.number() + ": " + line.text() + "\n  expected " + line.expected()
                        + "\n  actual   " + actual);
            }
        }
        passed.forEach(
                (language, counts) -> System.out.printf("corpus %s: %d/%d%n", language.tag(), counts[0], counts[1]));
        mismatches.forEach(System.out::println);
        assertThat(mismatches)
                .as(mismatches.size() + " of " + lines.size() + " commands misread")
                .isEmpty();
    }

    @Test
    void holdsFiftyCommandsAndEveryIntentInEachLanguage() {
        Map<Language, Set<String>> intents = new EnumMap<>(Language.class);
        Map<Language, Integer> sizes = new EnumMap<>(Language.class);
        for (Corpus.Line line : Corpus.load()) {
            intents.computeIfAbsent(line.language(), l -> new java.util.HashSet<>())
                    .add(line.expected().split(" ")[1]);
            sizes.merge(line.language(), 1, Integer::sum);
        }
        Set<String> all = new java.util.HashSet<>();
        EnumSet.allOf(Intent.class).forEach(i -> all.add(i.wireName()));
        for (Language language : Language.values()) {
            assertThat(sizes.getOrDefault(language, 0))
                    .as(language.tag())
                    .isGreaterThanOrEqualTo(COMMANDS_PER_LANGUAGE_MIN);
            assertThat(intents.get(language)).as(language.tag()).containsAll(all);
        }
    }
}
