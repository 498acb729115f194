package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SoftmaxRegression;

/**
 * Issue 18's contract on a first start: whatever stage the training is at (the full models still
 * training, the English blend still training, either failed), the assistant answers English from
 * some model at once (within its ready-wait), never an error and never a wait for the training.
 */
class TrainedModelsUnitTests {

    static IntentModel quick;
    static IntentModel tfidf;
    static IntentModel blend;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void train() {
        var english = TrainedModels.read(TrainedModels.ENGLISH_DATA, true);
        quick = IntentModel.train(english.firstPerIntent(3), new IntentModel.Settings(1, settings()));
        tfidf = IntentModel.train(english.firstPerIntent(6), new IntentModel.Settings(1, settings()));
        blend = IntentModel.train(english.firstPerIntent(4), new IntentModel.Settings(1, settings())); // a stand-in
    }

    /** A small Chinese model on {@code perIntent} phrases an intent. */
    static IntentModel chinese(int perIntent) {
        return IntentModel.train(
                TrainedModels.read(TrainedModels.PHRASES.formatted("zh"), false).firstPerIntent(perIntent),
                new IntentModel.Settings(1, settings()));
    }

    static SoftmaxRegression.Training settings() {
        return new SoftmaxRegression.Settings(2, 2, 30, 77);
    }

    @AfterEach
    void releaseTheTraining() {
        release.countDown();
    }

    /** Stages: the full models after {@code all}, then no blend after {@code blend}, no Chinese head. */
    ModelTraining training(Runnable all, Runnable blend) {
        return staged(
                () -> {
                    all.run();
                    return Map.of("en", tfidf);
                },
                () -> {
                    blend.run();
                    return Optional.empty();
                },
                Optional::empty);
    }

    /** The quick model, then the full models, the English blend and Chinese's as the suppliers give them. */
    ModelTraining staged(
            Supplier<Map<String, IntentClassifier>> all,
            Supplier<Optional<IntentClassifier>> englishBlend,
            Supplier<Optional<IntentClassifier>> chineseBlend) {
        return new ModelTraining() {

            @Override
            public IntentModel quick() {
                return quick;
            }

            @Override
            public Map<String, IntentClassifier> all() {
                return all.get();
            }

            @Override
            public Optional<IntentClassifier> blend(Map<String, IntentClassifier> models) {
                return englishBlend.get();
            }

            @Override
            public Optional<IntentClassifier> phraseBlend(String language, Map<String, IntentClassifier> models) {
                return language.equals("zh") ? chineseBlend.get() : Optional.empty();
            }
        };
    }

    void blocked() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static TrainedModels models(ModelTraining training, Duration readyWait) {
        return new TrainedModels(AssistantUnitTests.properties(readyWait), training);
    }

    @Test
    void everyLanguageIsCalibratedWithThePooledFloorByDefaultAndEachCanTurnItOff() {
        AssistantProperties defaults = bound(Map.of());
        assertThat(TrainedModels.english(defaults).pooled()).isEqualTo(0.99);
        // since session 20 the other languages too, with the floor 0.6 (docs/assistant.md, "Session 20")
        assertThat(TrainedModels.other(defaults))
                .isEqualTo(new org.socialbank.assistant.model.SureThresholds.Calibration(0.95, 0.6, 0.99));
        AssistantProperties off = bound(Map.of("socialbank.assistant.sure-pooled", "0"));
        assertThat(TrainedModels.english(off).pooled()).isZero();
        assertThat(TrainedModels.other(off).pooled()).isEqualTo(0.99);
        AssistantProperties otherOff = bound(Map.of("socialbank.assistant.sure-pooled-other", "0"));
        assertThat(TrainedModels.other(otherOff).pooled()).isZero();
        assertThat(TrainedModels.english(otherOff).pooled()).isEqualTo(0.99);
    }

    private static AssistantProperties bound(Map<String, String> settings) {
        return new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(settings))
                .bindOrCreate("socialbank.assistant", AssistantProperties.class);
    }

    @Test
    void whileTheFullModelsTrainTheQuickModelAnswersAfterTheReadyWait() {
        TrainedModels models = models(training(this::blocked, () -> {}), Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(models.current().get("en")).isSameAs(quick);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(models.ready()).isFalse(); // the chat gives its hint meanwhile, never a wait
    }

    @Test
    void whileTheEnglishBlendTrainsTheTfidfModelAnswersAtOnce() throws InterruptedException {
        CountDownLatch trained = new CountDownLatch(1);
        TrainedModels models = models(
                training(() -> {}, () -> {
                    trained.countDown();
                    blocked();
                }),
                Duration.ofMinutes(10));
        trained.await(); // the full models are done; the blend is training (blocked)
        long start = System.nanoTime();
        assertThat(models.current().get("en")).isSameAs(tfidf);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(models.ready()).isTrue();
        assertThat(models.blended()).isFalse();
    }

    @Test
    void whenTheFullModelsFailTheQuickModelAnswersInsteadOfAnError() {
        TrainedModels models = models(
                training(
                        () -> {
                            throw new IllegalStateException("simulated: the training data is unreadable");
                        },
                        () -> {}),
                Duration.ofMinutes(10));
        long start = System.nanoTime();
        while (!models.failed()
                && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
            Thread.onSpinWait();
        }
        assertThat(models.current().get("en")).isSameAs(quick);
        assertThat(models.ready()).isFalse();
    }

    @Test
    void whenTheBlendFailsTheTfidfModelKeepsAnswering() throws InterruptedException {
        CountDownLatch failing = new CountDownLatch(1);
        TrainedModels models = models(
                training(() -> {}, () -> {
                    failing.countDown();
                    throw new IllegalStateException("simulated: onnxruntime could not load");
                }),
                Duration.ofMinutes(10));
        failing.await();
        assertThat(models.current().get("en")).isSameAs(tfidf);
        assertThat(models.ready()).isTrue();
        awaitStage(models, BlendStage.FAILED);
        assertThat(models.english()).isEqualTo(AnsweringModel.TFIDF);
    }

    /**
     * Issue 18, first start: an operator (the health details, the log) can tell which model
     * answers English, so that nobody measures the TF-IDF model believing it is the blend.
     */
    @Test
    void theStageNamesTheModelThatAnswersEnglishQuickThenTfidfThenTheBlend() throws InterruptedException {
        CountDownLatch fullModels = new CountDownLatch(1);
        CountDownLatch blendStarted = new CountDownLatch(1);
        TrainedModels models = models(
                new ModelTraining() {

                    @Override
                    public IntentModel quick() {
                        return quick;
                    }

                    @Override
                    public Map<String, IntentClassifier> all() {
                        await(fullModels);
                        return Map.of("en", tfidf);
                    }

                    @Override
                    public Optional<IntentClassifier> blend(Map<String, IntentClassifier> all) {
                        blendStarted.countDown();
                        blocked();
                        return Optional.of(blend);
                    }
                },
                Duration.ofMillis(100));
        assertThat(models.english()).isEqualTo(AnsweringModel.QUICK);
        assertThat(models.blendStage()).isEqualTo(BlendStage.WAITING);
        assertThat(models.current().get("en")).isSameAs(quick);

        fullModels.countDown();
        blendStarted.await();
        assertThat(models.english()).isEqualTo(AnsweringModel.TFIDF);
        assertThat(models.blendStage()).isEqualTo(BlendStage.TRAINING);
        assertThat(models.current().get("en")).isSameAs(tfidf);

        release.countDown();
        awaitStage(models, BlendStage.READY);
        assertThat(models.english()).isEqualTo(AnsweringModel.BLEND);
        assertThat(models.current().get("en")).isSameAs(blend);
    }

    /**
     * Chinese's bge-small-zh head trains after the English blend (about a minute and a half on a
     * first start): every other language, and Chinese's TF-IDF model, answer before it and never
     * wait for it; its blend then answers Chinese, the English blend staying in place.
     */
    @Test
    void chineseIsAnsweredByItsTfidfModelWhileItsHeadTrainsAfterEnglishsBlendThenByItsBlend()
            throws InterruptedException {
        IntentModel chineseTfidf = chinese(3);
        IntentModel chineseBlend = chinese(4); // a stand-in
        CountDownLatch englishBlend = new CountDownLatch(1);
        CountDownLatch chineseStarted = new CountDownLatch(1);
        TrainedModels models = models(
                staged(
                        () -> Map.of("en", tfidf, "zh", chineseTfidf, "fr", tfidf),
                        () -> {
                            await(englishBlend);
                            return Optional.of(blend);
                        },
                        () -> {
                            chineseStarted.countDown();
                            blocked();
                            return Optional.of(chineseBlend);
                        }),
                Duration.ofMinutes(10));
        models.await();
        assertThat(models.current()).containsEntry("zh", chineseTfidf).containsEntry("fr", tfidf);
        assertThat(models.answering("zh")).isEqualTo(AnsweringModel.TFIDF);
        assertThat(models.stage("zh")).isEqualTo(BlendStage.WAITING); // the English blend first

        englishBlend.countDown();
        chineseStarted.await();
        assertThat(models.current()).containsEntry("en", blend).containsEntry("zh", chineseTfidf);
        assertThat(models.stage("zh")).isEqualTo(BlendStage.TRAINING);

        release.countDown();
        awaitStage(() -> models.stage("zh"), BlendStage.READY);
        assertThat(models.answering("zh")).isEqualTo(AnsweringModel.BLEND);
        assertThat(models.current())
                .containsEntry("zh", chineseBlend)
                .containsEntry("en", blend)
                .containsEntry("fr", tfidf);
        awaitStage(() -> models.stage("fr"), BlendStage.OFF); // this training has no French head
        assertThat(models.answering("fr")).isEqualTo(AnsweringModel.TFIDF);
        assertThat(models.stage("ru")).isEqualTo(BlendStage.OFF); // no encoder covers Russian
    }

    @Test
    void whenChinesesHeadFailsItsTfidfModelKeepsAnsweringAndEnglishKeepsItsBlend() {
        IntentModel chineseTfidf = chinese(3);
        TrainedModels models = models(
                staged(() -> Map.of("en", tfidf, "zh", chineseTfidf), () -> Optional.of(blend), () -> {
                    throw new UnsatisfiedLinkError("simulated: bge-small-zh's onnxruntime could not load");
                }),
                Duration.ofMinutes(10));
        awaitStage(() -> models.stage("zh"), BlendStage.FAILED);
        assertThat(models.answering("zh")).isEqualTo(AnsweringModel.TFIDF);
        assertThat(models.current()).containsEntry("zh", chineseTfidf).containsEntry("en", blend);
        assertThat(models.english()).isEqualTo(AnsweringModel.BLEND);
    }

    @Test
    void withoutAnEncoderTheTfidfModelIsEnglishsLastModel() {
        TrainedModels models = models(training(() -> {}, () -> {}), Duration.ofMinutes(10));
        awaitStage(models, BlendStage.OFF);
        assertThat(models.english()).isEqualTo(AnsweringModel.TFIDF);
        awaitStage(() -> models.stage("zh"), BlendStage.OFF);
    }

    static void awaitStage(TrainedModels models, BlendStage stage) {
        awaitStage(models::blendStage, stage);
    }

    static void awaitStage(Supplier<BlendStage> current, BlendStage stage) {
        long start = System.nanoTime();
        while (current.get() != stage
                && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
            Thread.onSpinWait();
        }
        assertThat(current.get()).isEqualTo(stage);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
