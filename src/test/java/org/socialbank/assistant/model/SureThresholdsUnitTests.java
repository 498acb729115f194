package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialbank.assistant.model.SureThresholds.Outcome;

/**
 * Issue 18 §2, "confidence threshold per intent, calibrated on validation": each intent gets the
 * lowest threshold at which its held-out answers are accurate enough, the model keeps it (also
 * through its cache file), and a model is sure of an answer by its intent's own threshold.
 */
class SureThresholdsUnitTests {

    static final SureThresholds.Calibration CALIBRATION = new SureThresholds.Calibration(0.9, 0.5);
    static Examples train;
    static IntentModel model;

    @BeforeAll
    static void trainOnce() throws IOException {
        try (InputStream in =
                SureThresholdsUnitTests.class.getClassLoader().getResourceAsStream("assistant/banking77/train.csv")) {
            train = Examples.readCsv(in).split(0.2, 77).train().firstPerIntent(10);
        }
        model = IntentModel.train(train, new IntentModel.Settings(1, new SoftmaxRegression.Exact(30, 60, 1e-6)));
    }

    @Test
    void eachIntentGetsTheLowestThresholdAtWhichItsHeldOutAnswersAreAccurateEnough() {
        List<Outcome> outcomes = List.of(
                // a: one wrong answer at 0.70 among right ones: 3 of 4 right from 0.5 (75 %), all right above 0.70
                new Outcome("a", 0.95, true),
                new Outcome("a", 0.80, true),
                new Outcome("a", 0.70, false),
                new Outcome("a", 0.55, true),
                // b: never wrong
                new Outcome("b", 0.60, true),
                new Outcome("b", 0.51, true),
                // d: wrong even when certain
                new Outcome("d", 1.0, false));
        SureThresholds t = SureThresholds.calibrate(List.of("a", "b", "c", "d"), outcomes, CALIBRATION);
        assertThat(t.of(0)).isEqualTo(0.71);
        assertThat(t.of(1)).isEqualTo(0.5); // the floor
        assertThat(t.of(2)).isEqualTo(0.5); // no held-out evidence: the floor
        assertThat(t.of(3)).isEqualTo(1.0);
    }

    @Test
    void aPooledFloorRaisesEveryIntentToWhereAllIntentsAnswersTogetherAreAccurateEnough() {
        List<Outcome> outcomes = List.of(
                // a: never wrong on its own, so alone it would sit at the floor
                new Outcome("a", 0.95, true),
                new Outcome("a", 0.65, true),
                // b: its few answers wrong at 0.60, right above
                new Outcome("b", 0.90, true),
                new Outcome("b", 0.60, false),
                new Outcome("b", 0.55, false));
        SureThresholds perIntent = SureThresholds.calibrate(List.of("a", "b"), outcomes, CALIBRATION);
        assertThat(perIntent.of(0)).isEqualTo(0.5);
        // all answers together are 100 % right only from 0.61: both intents start there
        SureThresholds pooled =
                SureThresholds.calibrate(List.of("a", "b"), outcomes, new SureThresholds.Calibration(0.9, 0.5, 1.0));
        assertThat(pooled.of(0)).isEqualTo(0.61);
        assertThat(pooled.of(1)).isEqualTo(0.61);
        // off, the calibration reads as before, so the caches keyed by it stay valid
        assertThat(CALIBRATION).hasToString("Calibration[accuracy=0.9, floor=0.5]");
    }

    @Test
    void aModelIsSureOfAnAnswerByItsIntentsOwnCalibratedThreshold() {
        IntentModel.Scored best = model.rank("my card still has not arrived").get(0);
        int own = model.labels().indexOf(best.intent());
        double[] below = new double[model.labels().size()];
        double[] above = new double[model.labels().size()];
        java.util.Arrays.fill(below, 1.0); // every other intent unreachable: only the answer's own counts
        java.util.Arrays.fill(above, 0.0);
        below[own] = best.confidence() - 0.01;
        above[own] = Math.min(1, best.confidence() + 0.01);
        assertThat(model.withThresholds(thresholds(below)).sure(best)).isTrue();
        assertThat(model.withThresholds(thresholds(above)).sure(best)).isFalse();
        assertThat(model.sure(best)).as("an uncalibrated model is never sure").isFalse();
    }

    @Test
    void theCachedModelKeepsItsThresholds() throws IOException {
        SureThresholds calibrated =
                SureThresholds.calibrate(model.labels(), model.outcomes(train.firstPerIntent(2)), CALIBRATION);
        IntentModel withThresholds = model.withThresholds(calibrated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        withThresholds.write(out);
        IntentModel read = IntentModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.thresholds()).isEqualTo(calibrated);
    }

    @Test
    void foldsHoldEveryExampleOutOnceAndKeepEveryIntentInEachTrainingPart() {
        List<Examples.Split> folds = train.folds(5, 77);
        assertThat(folds).hasSize(5);
        assertThat(folds.stream().mapToInt(f -> f.heldOut().size()).sum()).isEqualTo(train.size());
        assertThat(folds).allSatisfy(f -> assertThat(f.train().labels()).isEqualTo(train.labels()));
        assertThat(folds.stream()
                        .flatMap(f -> f.heldOut().texts().stream())
                        .sorted()
                        .toList())
                .isEqualTo(train.texts().stream().sorted().toList());
    }

    private static SureThresholds thresholds(double[] values) {
        return SureThresholds.of(values);
    }
}
