package org.socialbank.assistant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's reproducible figure: the shipped English TF-IDF recipe, trained on the seeded 80 %
 * of BANKING77's shipped training split and scored on the other 20 % (BANKING77's test split is
 * not in the repository). Recomputed from the data on every run, so a change that makes the model
 * worse fails here. The blend's figure (MiniLM layers 2-5 + TF-IDF) needs every question encoded,
 * minutes on two cores: it is measured by bench/assistant.sh blend, not here.
 */
class EnglishAccuracyUnitTests {

    static final long SEED = 77;

    @Test
    @DisplayName(
            "issue 18: held-out accuracy of the English TF-IDF model on the seeded 80/20 split stays above its floor")
    void heldOutAccuracyOfTheShippedRecipeStaysAboveItsMeasuredFloor() throws IOException {
        Examples.Split split;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("assistant/banking77/train.csv")) {
            split = Examples.readCsv(in).split(0.2, SEED);
        }
        assertThat(split.train().size()).isEqualTo(8_005);
        assertThat(split.heldOut().size()).isEqualTo(1_998);
        IntentModel model = IntentModel.train(split.train(), IntentModel.Settings.english(SEED));
        double accuracy = model.accuracy(split.heldOut());
        System.out.printf("English TF-IDF held-out accuracy (seed %d, 8,005 / 1,998): %.2f %%%n", SEED, 100 * accuracy);
        // measured 89.39 % (exact L-BFGS head, C 60; docs/assistant.md; 89.49 % with scikit-learn's terms, which
        // other splits do not confirm); the floor leaves room for nothing but rounding
        assertThat(accuracy).isGreaterThanOrEqualTo(0.893);
    }
}
