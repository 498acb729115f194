package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SureThresholds;

/**
 * Issue 18 §2, "confidence threshold per intent, calibrated on validation", for a phrase
 * language: the shipped model carries one threshold per intent, calibrated on out-of-fold answers
 * of whatever training phrases exist, kept in its cache file, and it is sure of an answer by that
 * intent's own threshold.
 */
class CalibratedThresholdsUnitTests {

    static final SureThresholds.Calibration CALIBRATION = new SureThresholds.Calibration(0.95, 0.6);

    @TempDir
    Path cache;

    @Test
    void eachFrenchIntentsThresholdMakesItsOutOfFoldAnswersAccurateEnoughAndIsCachedWithTheModel() throws IOException {
        Examples phrases = TrainedModels.read(TrainedModels.PHRASES.formatted("fr"), false);
        IntentModel model = TrainedModels.crossValidated(cache, "fr", phrases, 77, CALIBRATION);
        List<SureThresholds.Outcome> outOfFold = new ArrayList<>();
        for (Examples.Split fold : phrases.folds(TrainedModels.FOLDS, 77)) {
            outOfFold.addAll(IntentModel.train(fold.train(), IntentModel.Settings.small(77))
                    .outcomes(fold.heldOut()));
        }
        for (int k = 0; k < model.labels().size(); k++) {
            String intent = model.labels().get(k);
            double threshold = model.thresholds().of(k);
            assertThat(threshold).as(intent).isBetween(0.6, 1.0);
            long answered = outOfFold.stream()
                    .filter(o -> o.intent().equals(intent) && o.confidence() >= threshold)
                    .count();
            long right = outOfFold.stream()
                    .filter(o -> o.intent().equals(intent) && o.confidence() >= threshold && o.right())
                    .count();
            assertThat(right).as(intent).isGreaterThanOrEqualTo((long) Math.ceil(0.95 * answered));
        }
        // the model trained in this JVM may be shared (an earlier context trained it), so its cache
        // file is checked through the format it is written in
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        model.write(file);
        assertThat(IntentModel.read(new ByteArrayInputStream(file.toByteArray()))
                        .thresholds())
                .isEqualTo(model.thresholds());
        IntentModel.Scored best =
                model.rank("ma carte n'est toujours pas arrivée").get(0);
        assertThat(model.sure(best))
                .isEqualTo(best.confidence()
                        >= model.thresholds().of(model.labels().indexOf(best.intent())));
    }
}
