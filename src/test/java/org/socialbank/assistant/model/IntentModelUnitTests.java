package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The English model on a seeded split of BANKING77's shipped training data (issue 18): the split
 * trains once per class on a fifth of the data per intent, so the class runs in seconds, and
 * its accuracy floor is what that run measured minus a margin.
 */
class IntentModelUnitTests {

    static final long SEED = 77;
    static Examples.Split split;
    static IntentModel model;

    @BeforeAll
    static void trainOnce() throws IOException {
        try (InputStream in =
                IntentModelUnitTests.class.getClassLoader().getResourceAsStream("assistant/banking77/train.csv")) {
            Examples all = Examples.readCsv(in);
            // a small training part keeps the class fast; the full recipe is measured in bench/
            split = all.split(0.2, SEED);
        }
        model = IntentModel.train(split.train().firstPerIntent(30), settings());
    }

    static IntentModel.Settings settings() {
        return new IntentModel.Settings(2, new SoftmaxRegression.Settings(8, 2, 30, SEED));
    }

    @Test
    void readsAll77IntentsFromTheShippedCsv() throws IOException {
        assertThat(split.train().labels()).hasSize(77).contains("card_arrival", "Refund_not_showing_up");
        assertThat(split.train().size() + split.heldOut().size()).isEqualTo(10_003);
        assertThat(split.train().texts()).noneMatch(String::isBlank);
    }

    @Test
    void theSplitIsStratifiedAndDependsOnTheSeedOnly() throws IOException {
        assertThat(split.heldOut().labels()).hasSize(77);
        Examples.Split again;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("assistant/banking77/train.csv")) {
            again = Examples.readCsv(in).split(0.2, SEED);
        }
        assertThat(again.heldOut().texts()).isEqualTo(split.heldOut().texts());
    }

    @Test
    void accuracyOnTheValidationSplitStaysAboveItsMeasuredFloor() {
        // measured 83.3 % with 30 examples per intent (2,310); the full recipe reaches 89.5 % (bench)
        assertThat(model.accuracy(split.heldOut())).isGreaterThan(0.80);
    }

    @Test
    void theSameDataAndSeedGiveTheSameModelBitForBit() throws IOException {
        IntentModel again = IntentModel.train(split.train().firstPerIntent(30), settings());
        assertThat(bytes(again)).isEqualTo(bytes(model));
        for (String text : split.heldOut().texts().subList(0, 50)) {
            assertThat(again.rank(text)).isEqualTo(model.rank(text));
        }
    }

    @Test
    void aCachedModelAnswersAsTheTrainedOne() throws IOException {
        IntentModel read = IntentModel.read(new ByteArrayInputStream(bytes(model)));
        for (String text : split.heldOut().texts().subList(0, 50)) {
            assertThat(read.rank(text)).isEqualTo(model.rank(text));
        }
    }

    @Test
    void aCachedPhraseModelKeepsItsTruncatedWords() throws IOException {
        Examples russian;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("assistant/phrases/ru-train.tsv")) {
            russian = Examples.readTsv(in).firstPerIntent(6);
        }
        IntentModel small = IntentModel.train(russian, IntentModel.Settings.small(SEED));
        IntentModel read = IntentModel.read(new ByteArrayInputStream(bytes(small)));
        // its vocabulary holds "перев", not "перевод": read back as whole words, it would miss them
        for (String text : List.of("почему не прошел мой перевод", "где моя карта", "переводом заблокировали")) {
            assertThat(read.rank(text)).isEqualTo(small.rank(text));
        }
        assertThat(IntentModel.Settings.small(SEED).terms()).isEqualTo(Tfidf.Terms.TRUNCATED_WORDS);
    }

    @Test
    void thePhraseLanguagesShareTheirTermsAndOnlyRussiansHeadIsFittedExactly() {
        for (String language : List.of("fr", "ru", "fa", "zh")) {
            IntentModel.Settings settings = IntentModel.Settings.phrases(language, SEED);
            assertThat(settings.terms()).as(language).isEqualTo(Tfidf.Terms.TRUNCATED_WORDS);
            assertThat(settings.minDf()).as(language).isEqualTo(1);
            assertThat(settings.head() instanceof SoftmaxRegression.Exact)
                    .as(language)
                    .isEqualTo(language.equals("ru"));
        }
    }

    @Test
    void ranksEveryIntentMostProbableFirstWithProbabilitiesSummingToOne() {
        List<IntentModel.Scored> ranked = model.rank("my card still has not arrived");
        assertThat(ranked).hasSize(77);
        assertThat(ranked.get(0).intent()).isEqualTo("card_arrival");
        assertThat(ranked.stream().mapToDouble(IntentModel.Scored::confidence).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static byte[] bytes(IntentModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
