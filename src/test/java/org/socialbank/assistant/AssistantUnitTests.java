package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SureThresholds;

/**
 * Issue 18 §1-2, the {@code Assistant} itself with a calibrated threshold per intent (not only its
 * models): built in a second around a small French model whose thresholds are set by hand, it is
 * sure of an answer by that answer's own intent's threshold, whatever the other intents' are, and
 * an unsure answer still carries the three most probable intents (the chat's "not sure" buttons).
 */
class AssistantUnitTests {

    static final String QUESTION = "ma carte n'est toujours pas arrivée";
    static IntentModel french;

    @BeforeAll
    static void train() {
        french = IntentModel.train(
                TrainedModels.read(TrainedModels.PHRASES.formatted("fr"), false),
                new IntentModel.Settings(1, new SoftmaxRegression.Settings(10, 2, 30, 77)));
    }

    /** An assistant whose French model is {@code model}, ready at once (no shipped training). */
    static Assistant assistant(IntentClassifier model) {
        ModelTraining training = new ModelTraining() {

            @Override
            public IntentModel quick() {
                return french;
            }

            @Override
            public Map<String, IntentClassifier> all() {
                return Map.of("en", french, "fr", model);
            }

            @Override
            public Optional<IntentClassifier> blend(Map<String, IntentClassifier> all) {
                return Optional.empty();
            }
        };
        Assistant assistant = new Assistant(
                properties(Duration.ofSeconds(5)),
                new TrainedModels(properties(Duration.ofSeconds(5)), training),
                null,
                null,
                Clock.systemUTC(),
                null);
        assistant.awaitReady();
        return assistant;
    }

    static AssistantProperties properties(Duration readyWait) {
        return properties(readyWait, 1000);
    }

    static AssistantProperties properties(Duration readyWait, int answersPerCallerMax) {
        return new AssistantProperties(
                500,
                0.5,
                0.6,
                0.97,
                0.95,
                0.99,
                0.99,
                77,
                "",
                readyWait,
                AssistantProperties.NONE,
                answersPerCallerMax);
    }

    /** Every intent at {@code others}, the one at {@code index} at {@code own}. */
    static SureThresholds thresholds(int index, double own, double others) {
        double[] all = new double[french.labels().size()];
        Arrays.fill(all, others);
        all[index] = own;
        return SureThresholds.of(all);
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "answers-per-caller-max out of 1..100000 stops the start with the setting's name (reread 2026-12-08 assistant)")
    void aBadAnswersPerCallerMaxIsRefused() {
        for (int bad : new int[] {0, -1, 100_001}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties(Duration.ZERO, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("socialbank.assistant.answers-per-caller-max");
        }
        assertThat(properties(Duration.ZERO, 1).answersPerCallerMax()).isEqualTo(1);
        assertThat(properties(Duration.ZERO, 100_000).answersPerCallerMax()).isEqualTo(100_000);
    }

    @Test
    void belowItsIntentsThresholdAnAnswerIsNotSureAndOffersTheTopThree() {
        IntentModel.Scored best = french.rank(QUESTION).get(0);
        assertThat(best.intent()).isEqualTo("card_arrival");
        int own = french.labels().indexOf(best.intent());
        // every other intent would be sure at any confidence: only the answer's own threshold counts
        Classification unsure =
                (Classification) assistant(french.withThresholds(thresholds(own, best.confidence() + 0.01, 0)))
                        .classify(QUESTION, "fr");
        assertThat(unsure.sure()).isFalse();
        assertThat(unsure.intent()).isEqualTo("card_arrival");
        assertThat(unsure.alternatives()).hasSize(3);
        assertThat(unsure.alternatives().get(0).intent()).isEqualTo("card_arrival");
        assertThat(unsure.alternatives().stream().map(Classification.Alternative::intent))
                .doesNotHaveDuplicates();
    }

    @Test
    void atItsIntentsThresholdAnAnswerIsSureWhateverTheOtherIntentsThresholds() {
        IntentModel.Scored best = french.rank(QUESTION).get(0);
        int own = french.labels().indexOf(best.intent());
        // every other intent unreachable: the answer is sure by its own intent's threshold alone
        Classification sure =
                (Classification) assistant(french.withThresholds(thresholds(own, best.confidence() - 0.01, 1.0)))
                        .classify(QUESTION, "fr");
        assertThat(sure.sure()).isTrue();
        assertThat(sure.intent()).isEqualTo("card_arrival");
        assertThat(sure.language()).isEqualTo("fr");
    }

    @Test
    void theShippedCalibrationMakesTheAssistantSureOfAnIntentItKnowsWellAndUnsureOfGibberish(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path cache) {
        IntentModel calibrated = TrainedModels.crossValidated(
                cache,
                "fr",
                TrainedModels.read(TrainedModels.PHRASES.formatted("fr"), false),
                77,
                TrainedModels.other(properties(Duration.ofSeconds(5))));
        Assistant assistant = assistant(calibrated);
        Classification known = (Classification) assistant.classify("je n'ai toujours pas reçu ma carte", "fr");
        assertThat(known.intent()).isEqualTo("card_arrival");
        assertThat(known.sure()).isTrue();
        Classification gibberish = (Classification) assistant.classify("blorp zang quix", "fr");
        assertThat(gibberish.sure()).isFalse();
        assertThat(gibberish.alternatives()).hasSize(3);
    }

    /** An assistant whose full models never finish (held), so the quick model answers. */
    static Assistant training(java.util.function.Supplier<IntentModel> quick) {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        ModelTraining training = new ModelTraining() {

            @Override
            public IntentModel quick() {
                return quick.get();
            }

            @Override
            public Map<String, IntentClassifier> all() {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of();
            }

            @Override
            public Optional<IntentClassifier> blend(Map<String, IntentClassifier> all) {
                return Optional.empty();
            }
        };
        AssistantProperties properties = properties(Duration.ofMillis(50));
        return new Assistant(properties, new TrainedModels(properties, training), null, null, Clock.systemUTC(), null);
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "while the models train, a language answered by English's quick model is never sure (review 2026-12-07 assistant follow-up)")
    void aLanguageWithoutItsOwnModelIsNeverSure() {
        IntentModel alwaysSure = french.withThresholds(thresholds(0, 0, 0)); // as quick English: sure of anything
        Assistant assistant = training(() -> alwaysSure);
        Classification english = (Classification) assistant.classify(QUESTION, "en");
        assertThat(english.sure()).as("English has its (quick) model").isTrue();
        Classification french = (Classification) assistant.classify(QUESTION, "fr");
        assertThat(french.language()).isEqualTo("fr");
        assertThat(french.sure()).isFalse();
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "a failed quick model while the models train is a refusal, not an exception (review 2026-12-07 assistant follow-up)")
    void aFailedQuickModelIsARefusal() {
        Assistant assistant = training(() -> {
            throw new IllegalStateException("no data");
        });
        assertThat(assistant.classify(QUESTION, "en"))
                .isEqualTo(new ClassifyResult.Refused(
                        ClassifyResult.Code.MODELS_UNAVAILABLE,
                        "The assistant's models are not trained yet; try again later."));
    }
}
