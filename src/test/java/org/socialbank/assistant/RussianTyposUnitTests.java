package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;

/**
 * Issue 18 L.3, "Russian with typos", made checkable: the phrase files' hand-written typos are
 * catalogued with the word each one misspells (ru-typos.tsv), and the
 * Russian model, as the application trains it, reads the held-out phrases with seeded typing
 * mistakes ({@link RussianTypos}) nearly as well as written and is still never sure and wrong more
 * than measured.
 */
class RussianTyposUnitTests {

    /** The typos written into the Russian phrase files (ru-typos.tsv), each with the word it misspells. */
    static Map<String, String> written() throws IOException {
        Map<String, String> typos = new java.util.TreeMap<>();
        try (java.io.InputStream in =
                RussianTyposUnitTests.class.getClassLoader().getResourceAsStream("assistant/phrases/ru-typos.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    assertThat(typos.put(columns[0], columns[1]))
                            .as("twice: " + line)
                            .isNull();
                }
            }
        }
        return typos;
    }

    private static final Pattern WORD = Pattern.compile("[а-яё]+");

    static IntentModel shipped;

    @BeforeAll
    static void train(@TempDir Path cache) throws IOException {
        shipped = TrainedModels.crossValidated(
                cache,
                "ru",
                PhrasesUnitTests.phrases("ru", "train"),
                77,
                TrainedModels.other(PhrasesUnitTests.shipped()));
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    @Test
    void thePhraseFilesHoldTyposEachAnEditOrTwoFromTheWordMeant() throws IOException {
        List<String> train = PhrasesUnitTests.phrases("ru", "train").texts();
        List<String> test = PhrasesUnitTests.phrases("ru", "test").texts();
        java.util.Set<String> vocabulary = new java.util.HashSet<>();
        train.forEach(t -> vocabulary.addAll(words(t)));
        test.forEach(t -> vocabulary.addAll(words(t)));
        Map<String, String> written = written();
        assertThat(written).allSatisfy((typo, meant) -> {
            assertThat(vocabulary).as("written in the files").contains(typo);
            assertThat(written).as("a typo is not the word another one means").doesNotContainKey(meant);
            assertThat(meant.charAt(0)).as(typo).isEqualTo(typo.charAt(0));
            assertThat(PhrasesUnitTests.edits(typo, meant)).as(typo).isBetween(1, 2);
        });
        // measured (session 17): 143 typos; 78 training and 72 held-out phrases hold one (14 before
        // the session's 136 phrases with typos, written blind)
        assertThat(written).hasSizeGreaterThanOrEqualTo(140);
        assertThat(train.stream().filter(t -> words(t).stream().anyMatch(written::containsKey)))
                .hasSizeGreaterThanOrEqualTo(78);
        assertThat(test.stream().filter(t -> words(t).stream().anyMatch(written::containsKey)))
                .hasSizeGreaterThanOrEqualTo(72);
    }

    @Test
    void aSeededTypoChangesTheChosenWordsByAnEditOrTwoAndNothingElse() throws IOException {
        Random random = new Random(17);
        for (String phrase : PhrasesUnitTests.phrases("ru", "test").texts()) {
            int mistakes = 1 + random.nextInt(2);
            String typed = RussianTypos.misspell(phrase, mistakes, random);
            List<String> before = words(phrase);
            List<String> after = words(typed);
            assertThat(after).as(typed).hasSameSizeAs(before);
            int changed = 0;
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    changed++;
                    assertThat(before.get(i).length()).isGreaterThanOrEqualTo(4);
                    assertThat(after.get(i).charAt(0)).isEqualTo(before.get(i).charAt(0));
                    assertThat(PhrasesUnitTests.edits(before.get(i), after.get(i)))
                            .as(phrase + " -> " + typed)
                            .isBetween(1, 2);
                }
            }
            long longWords = before.stream().filter(w -> w.length() >= 4).count();
            assertThat(changed).as(phrase + " -> " + typed).isEqualTo((int) Math.min(mistakes, longWords));
            // nothing but Cyrillic letters changes (of either case: "ГИБДД" is a word too)
            assertThat(typed.replaceAll("[А-ЯЁа-яё]", "")).isEqualTo(phrase.replaceAll("[А-ЯЁа-яё]", ""));
        }
        assertThat(RussianTypos.misspell("когда придет карта", 1, new Random(3)))
                .isEqualTo(RussianTypos.misspell("когда придет карта", 1, new Random(3)));
    }

    record Reading(int right, int sure, int sureAndWrong, int of) {
        double accuracy() {
            return (double) right / of;
        }
    }

    static Reading read(IntentModel model, Examples test, int mistakes, long seed) {
        Random random = new Random(seed);
        int right = 0;
        int sure = 0;
        int sureAndWrong = 0;
        for (int i = 0; i < test.size(); i++) {
            String text = mistakes == 0
                    ? test.texts().get(i)
                    : RussianTypos.misspell(test.texts().get(i), mistakes, random);
            IntentModel.Scored top = model.rank(text).get(0);
            boolean correct = top.intent().equals(test.intents().get(i));
            right += correct ? 1 : 0;
            if (model.sure(top)) {
                sure++;
                sureAndWrong += correct ? 0 : 1;
            }
        }
        return new Reading(right, sure, sureAndWrong, test.size());
    }

    /**
     * The held-out phrases as written, with one seeded mistake each and with two, over three
     * seeds: the accuracy falls by a few points, the share answered more, and sure and wrong stays
     * at the measured few.
     */
    @Test
    void heldOutPhrasesWithSeededTyposAreReadNearlyAsWellAndRarelySureAndWrong() throws IOException {
        Examples test = PhrasesUnitTests.phrases("ru", "test");
        Reading written = read(shipped, test, 0, 0);
        StringBuilder figures = new StringBuilder("written " + written);
        // measured (session 17, 456 held-out phrases): as written 406 right, 216 sure, 0 sure and
        // wrong; one mistake each 390-393 right, 151-167 sure, 1-3 sure and wrong; two mistakes
        // 366-378 right, 104-125 sure, 0-1 sure and wrong; session 19 (756 held out, 57 intents): as
        // written 664 right, 282 sure, 0 sure and wrong; one mistake 626-641 right, 1-3 sure and
        // wrong; two mistakes 603-612 right, 2-4 sure and wrong; then every BANKING77 intent (996
        // held out, 75 intents): as written 828 right, 294 sure, 1 sure and wrong; one mistake
        // 788-793 right, 3-7 sure and wrong; two mistakes 749-772 right, 3-7 sure and wrong; with 15
        // more training phrases for each of the 40 new intents: as written 840 right, 356 sure, 1 sure
        // and wrong; one mistake 798-804 right, 6-8 sure and wrong; two 754-772 right, 6-10; session
        // 20 (20 more training phrases for every intent but two, the pooled 99 % rule): as written 877
        // right, 456 sure, 2 sure and wrong; one mistake 838-843 right, 354-360 sure, 2 / 5 / 11 sure
        // and wrong; two 797-829 right, 252-266 sure, 5 / 5 / 13 (seed 2 turns words into another
        // intent's more often now that the model is sure of more: the price of answering more);
        // session 22, the word terms cut to five letters: as written 891 right, 501 sure, 2 sure and
        // wrong; one mistake 855-858 right, 402-419 sure, 4 / 8 / 3 sure and wrong; two 816-840
        // right, 310-321 sure, 6 / 11 / 4 (a typo past a word's fifth letter no longer changes its
        // word terms); session 26, 1,852 held out (844 more, written blind, and 12 for sending_money)
        // and 1,391 more training phrases: as written 1,711 right, 1,144 sure, 10 sure and wrong; one
        // mistake 1,661-1,669 right, 960-969 sure, 14 / 14 / 11 sure and wrong; two 1,608-1,631 right,
        // 786-801 sure, 10 / 17 / 8 (about 1.5 % of the sure answers, as before on half the phrases);
        // then Russian's head fitted exactly (IntentModel.Settings.phrases): as written 1,729 right,
        // 1,294 sure, 10 sure and wrong; one mistake 1,670-1,683 right, 1,118-1,135 sure, 18 / 19 / 15
        // sure and wrong; two 1,627-1,639 right, 942-966 sure, 14 / 18 / 11
        for (long seed : new long[] {1, 2, 3}) {
            Reading one = read(shipped, test, 1, seed);
            Reading two = read(shipped, test, 2, seed);
            figures.append("\nseed ")
                    .append(seed)
                    .append(": one ")
                    .append(one)
                    .append(", two ")
                    .append(two);
            assertThat(one.accuracy()).as(figures.toString()).isGreaterThanOrEqualTo(0.90);
            assertThat(two.accuracy()).as(figures.toString()).isGreaterThanOrEqualTo(0.87);
            assertThat(one.sureAndWrong()).as(figures.toString()).isLessThanOrEqualTo(19);
            assertThat(two.sureAndWrong()).as(figures.toString()).isLessThanOrEqualTo(18);
        }
    }

    /**
     * The held-out phrases written with typos (by hand, blind), as written and with each typo
     * replaced by the word meant: the typos cost a few points, and neither reading is ever sure
     * and wrong.
     */
    @Test
    void heldOutPhrasesWrittenWithTyposAreNeverSureAndWrong() throws IOException {
        Map<String, String> typos = written();
        Examples test = PhrasesUnitTests.phrases("ru", "test");
        List<String> texts = new ArrayList<>();
        List<String> corrected = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            String text = test.texts().get(i);
            if (words(text).stream().anyMatch(typos::containsKey)) {
                String fixed = text;
                for (Map.Entry<String, String> typo : typos.entrySet()) {
                    fixed = fixed.replaceAll("(?<![а-яё])" + typo.getKey() + "(?![а-яё])", typo.getValue());
                }
                texts.add(text);
                corrected.add(fixed);
                intents.add(test.intents().get(i));
            }
        }
        Reading asWritten = read(shipped, new Examples(texts, intents), 0, 0);
        Reading meant = read(shipped, new Examples(corrected, intents), 0, 0);
        // measured (session 17): 72 phrases; as written 51 right (14 sure), corrected 57 (15 sure);
        // sure and wrong 0 and 0; session 18, with failed_transfer trained (a 35th intent): as
        // written 48 right (13 sure), corrected 54 (13 sure), sure and wrong 0 and 0
        assertThat(asWritten.of()).isEqualTo(72);
        assertThat(asWritten.sureAndWrong()).as(asWritten.toString()).isZero();
        assertThat(meant.sureAndWrong()).as(meant.toString()).isZero();
        // session 19, 57 intents: as written 44 right (9 sure), corrected 50 (9 sure), never sure and
        // wrong; every BANKING77 intent (75): as written 41 right (8 sure), corrected 50 (11 sure);
        // session 22, the word terms cut to five letters: as written 60 right (28 sure), corrected 63
        // (34 sure); session 26, 1,391 more training phrases and the exact head: as written 61 right
        // (38 sure), corrected 66 (41 sure)
        assertThat(asWritten.accuracy()).as(asWritten + " / " + meant).isGreaterThanOrEqualTo(0.80);
        assertThat(meant.accuracy() - asWritten.accuracy())
                .as(asWritten + " / " + meant)
                .isLessThan(0.08); // 6.9 points (4.2 before session 26, 12.5 with 75 intents before session 22)
    }
}
