package org.socialbank.listening.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialbank.listening.Sentiment;

/**
 * The labelled evaluation set (src/test/resources/listening/eval-*.tsv, written by us): sentiment
 * accuracy and macro-F1 per language, and language-detection accuracy, each asserted against a
 * floor just below what was measured (docs/listening.md has the figures). A lexicon change that
 * makes a language worse fails here.
 */
class EvaluationUnitTests {

    static Classifier classifier;

    @BeforeAll
    static void load() {
        classifier = new Classifier();
    }

    record Labelled(Sentiment label, String text) {}

    record Scores(int n, double accuracy, double macroF1, double languageAccuracy) {}

    static List<Labelled> read(String language) throws IOException {
        return read("eval", language);
    }

    static List<Labelled> read(String set, String language) throws IOException {
        try (InputStream in =
                EvaluationUnitTests.class.getResourceAsStream("/listening/" + set + "-" + language + ".tsv")) {
            List<Labelled> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                out.add(new Labelled(
                        Sentiment.fromWireName(parts[0].strip())
                                .orElseThrow(() -> new IllegalStateException("bad label in " + line)),
                        parts[1].strip()));
            }
            return out;
        }
    }

    static Scores score(String language, List<Labelled> set, boolean print) {
        return score(language, set, classifier::classify, print);
    }

    /** The scores of another way to classify (a measurement against ours). */
    static Scores score(
            String language,
            List<Labelled> set,
            java.util.function.Function<String, Classification> classify,
            boolean print) {
        int[][] confusion = new int[3][3];
        int languageRight = 0;
        for (Labelled l : set) {
            Classification c = classify.apply(l.text());
            confusion[l.label().ordinal()][c.sentiment().ordinal()]++;
            languageRight += c.language().equals(language) ? 1 : 0;
            if (print && c.sentiment() != l.label()) {
                System.out.printf(
                        "  %s: want %s got %s (%.2f) %s%n", language, l.label(), c.sentiment(), c.score(), l.text());
            }
            if (print && !c.language().equals(language)) {
                System.out.printf("  %s: detected %s: %s%n", language, c.language(), l.text());
            }
        }
        int right = 0;
        double f1Sum = 0;
        for (int k = 0; k < 3; k++) {
            right += confusion[k][k];
            int predicted = confusion[0][k] + confusion[1][k] + confusion[2][k];
            int actual = confusion[k][0] + confusion[k][1] + confusion[k][2];
            double precision = predicted == 0 ? 0 : confusion[k][k] / (double) predicted;
            double recall = actual == 0 ? 0 : confusion[k][k] / (double) actual;
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new Scores(set.size(), right / (double) set.size(), f1Sum / 3, languageRight / (double) set.size());
    }

    @ParameterizedTest(name = "{0}: accuracy >= {1}, macro-F1 >= {2}, language >= {3}")
    @CsvSource({
        "en, 0.91, 0.91, 0.99",
        "fr, 0.91, 0.90, 0.99",
        "ru, 0.92, 0.92, 0.99",
        "fa, 0.90, 0.90, 0.99",
        "zh, 0.98, 0.98, 0.99"
    })
    void sentimentAndLanguageStayAboveTheirFloors(
            String language, double accuracyMin, double macroF1Min, double languageMin) throws IOException {
        List<Labelled> set = read(language);
        assertThat(set).hasSizeGreaterThanOrEqualTo(100);
        Scores s = score(language, set, true);
        System.out.printf(
                "EVAL %s n=%d accuracy=%.3f macroF1=%.3f language=%.3f%n",
                language, s.n(), s.accuracy(), s.macroF1(), s.languageAccuracy());
        assertThat(s.accuracy()).as("accuracy").isGreaterThanOrEqualTo(accuracyMin);
        assertThat(s.macroF1()).as("macro-F1").isGreaterThanOrEqualTo(macroF1Min);
        assertThat(s.languageAccuracy()).as("language").isGreaterThanOrEqualTo(languageMin);
    }

    /**
     * The first held-out sets, written after the lexicons were first tuned; since 2026-12-02 their
     * errors were used to tune (issue 20, e), so these figures are in-sample now. The fresh sets
     * below are the honest figure.
     */
    @ParameterizedTest(name = "held-out {0}: accuracy >= {1}, macro-F1 >= {2}")
    @CsvSource({"en, 0.90, 0.89", "fr, 0.96, 0.96", "ru, 0.93, 0.93", "fa, 0.96, 0.96", "zh, 0.90, 0.90"})
    void heldOutSetsStayAboveTheirFloors(String language, double accuracyMin, double macroF1Min) throws IOException {
        checkSet("holdout", language, accuracyMin, macroF1Min, true);
    }

    /**
     * The fresh sets (issue 20, e): written before the negation, intensifier, emoji and lexicon
     * changes of 2026-12-02 and never used to tune them, then (round 3, the same day) used to tune:
     * in-sample since; the second fresh sets below are the honest figure of round 3.
     */
    @ParameterizedTest(name = "fresh {0}: accuracy >= {1}, macro-F1 >= {2}")
    @CsvSource({"en, 0.93, 0.93", "fr, 0.99, 0.99", "ru, 0.96, 0.96", "fa, 0.99, 0.99", "zh, 0.96, 0.96"})
    void freshSetsStayAboveTheirFloors(String language, double accuracyMin, double macroF1Min) throws IOException {
        checkSet("fresh", language, accuracyMin, macroF1Min, true); // round 3 tuned on these errors
    }

    /**
     * The second fresh sets (issue 20, round 3): written and committed before the round-3 changes
     * and never used to tune them (their errors are not printed); the honest figure of round 3.
     * Round 3 tuned on the errors of the first fresh sets above, which are in-sample since.
     */
    @ParameterizedTest(name = "fresh2 {0}: accuracy >= {1}, macro-F1 >= {2}")
    @CsvSource({"en, 0.87, 0.87", "fr, 0.93, 0.93", "ru, 0.90, 0.90", "fa, 0.78, 0.75", "zh, 0.93, 0.94"})
    void secondFreshSetsStayAboveTheirFloors(String language, double accuracyMin, double macroF1Min)
            throws IOException {
        checkSet("fresh2", language, accuracyMin, macroF1Min, false); // errors never printed: not for tuning
    }

    /** A set of at least 30 texts scored, its line printed ({@code HOLDOUT en n=...}), its floors asserted. */
    private static void checkSet(
            String name, String language, double accuracyMin, double macroF1Min, boolean printErrors)
            throws IOException {
        List<Labelled> set = read(name, language);
        assertThat(set).hasSizeGreaterThanOrEqualTo(30);
        Scores s = score(language, set, printErrors);
        System.out.printf(
                "%s %s n=%d accuracy=%.3f macroF1=%.3f language=%.3f%n",
                name.toUpperCase(Locale.ROOT), language, s.n(), s.accuracy(), s.macroF1(), s.languageAccuracy());
        assertThat(s.accuracy()).as("accuracy").isGreaterThanOrEqualTo(accuracyMin);
        assertThat(s.macroF1()).as("macro-F1").isGreaterThanOrEqualTo(macroF1Min);
    }
}
