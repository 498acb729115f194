package org.socialbank.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.support.Api;
import org.socialbank.support.Api.Response;
import org.socialbank.support.TestStores;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18's contract on a fresh start with {@code encoder=minilm} (the default): while the full
 * models train, then while the English MiniLM heads train (minutes on a first start),
 * {@code POST /api/v1/assistant/classify} answers 200 with a BANKING77 intent from the model that
 * is ready (the quick one, then the TF-IDF one), never 5xx and never a wait for the training. The
 * training here is a stand-in held at each stage by a latch, so the test needs no minutes of CPU.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(AssistantFirstStartIntegrationTests.Held.class)
class AssistantFirstStartIntegrationTests {

    static final CountDownLatch FULL_MODELS = new CountDownLatch(1);
    static final CountDownLatch BLEND = new CountDownLatch(1);
    static final CountDownLatch BLEND_STARTED = new CountDownLatch(1);
    static final String QUESTION = "I ordered my card two weeks ago and it still has not arrived";

    @LocalServerPort
    int port;

    @Autowired
    Assistant assistant;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.h2(registry);
        registry.add("socialbank.assistant.encoder", () -> AssistantProperties.MINILM);
        registry.add("socialbank.assistant.ready-wait", () -> "1s");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    @AfterAll
    static void release() {
        FULL_MODELS.countDown();
        BLEND.countDown();
    }

    /** Small stand-ins for the quick and TF-IDF models; the full models and the blend wait for their latch. */
    @TestConfiguration
    static class Held {

        static final IntentModel QUICK = small(2);
        static final IntentModel TFIDF = small(5);

        static IntentModel small(int perIntent) {
            return IntentModel.train(
                    TrainedModels.read(TrainedModels.ENGLISH_DATA, true).firstPerIntent(perIntent),
                    new IntentModel.Settings(1, new SoftmaxRegression.Settings(2, 2, 30, 77)));
        }

        @Bean
        ModelTraining heldTraining() {
            return new ModelTraining() {

                @Override
                public IntentModel quick() {
                    return QUICK;
                }

                @Override
                public Map<String, IntentClassifier> all() {
                    await(FULL_MODELS);
                    return Map.of("en", TFIDF);
                }

                @Override
                public Optional<IntentClassifier> blend(Map<String, IntentClassifier> all) {
                    BLEND_STARTED.countDown();
                    await(BLEND); // the MiniLM heads "training" until the class ends
                    return Optional.empty();
                }
            };
        }

        static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void whileTheModelsAndThenTheMiniLmHeadsTrainTheContractAnswers200WithABanking77Intent()
            throws InterruptedException {
        assertThat(assistant.ready()).isFalse(); // the full models are held
        answeredBy(Held.QUICK, Duration.ofSeconds(20)); // the ready-wait (1 s), then the quick model
        healthSays("quick", "waiting");

        FULL_MODELS.countDown();
        assertThat(BLEND_STARTED.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        assertThat(assistant.ready()).isTrue(); // the chat asks the assistant again
        answeredBy(Held.TFIDF, Duration.ofSeconds(10)); // the MiniLM heads are training: TF-IDF, at once
        healthSays("tfidf", "training");
        Response r = new Api("http://127.0.0.1:" + port, null).get("/actuator/health/assistant");
        assertThat(r.json().path("details").path("models").path("zh").asString())
                .isEqualTo("tfidf");
        assertThat(r.json().path("details").path("blends").path("zh").asString())
                .isEqualTo("waiting"); // Chinese's head after English's
        assertThat(r.json().path("details").path("blends").path("en").asString())
                .isEqualTo("training");
        assertThat(r.json().path("details").path("blends").path("ru").asString())
                .isEqualTo("off"); // no encoder for Russian
    }

    /** The operator's view: which model answers English, and the assistant up whatever its stage. */
    private void healthSays(String englishModel, String blend) {
        Response r = new Api("http://127.0.0.1:" + port, null).get("/actuator/health/assistant"); // public
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("UP");
        assertThat(r.json().path("details").path("englishModel").asString()).isEqualTo(englishModel);
        assertThat(r.json().path("details").path("blend").asString()).isEqualTo(blend);
    }

    private void answeredBy(IntentModel model, Duration within) {
        long start = System.nanoTime();
        Response r =
                new Api(port).post("/api/v1/assistant/classify", "{\"text\":\"" + QUESTION + "\",\"language\":\"en\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String intent = r.json().path("intent").asString();
        assertThat(Intents.ALL).contains(intent);
        assertThat(intent).isEqualTo(model.rank(QUESTION).get(0).intent());
        assertThat(r.json().path("confidence").asDouble())
                .isCloseTo(model.rank(QUESTION).get(0).confidence(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(took).isLessThan(within);
    }
}
