package org.socialbank.assistant;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;

/**
 * How {@link TrainedModels} gets its models, in the order it asks for them: the shipped trainings
 * (cached in the cache directory), or in a test a small, blocked or failing one, so that what the
 * assistant answers before and while its models train can be tested without minutes of training.
 */
interface ModelTraining {

    /** English's quick model, answering while the others train (seconds). */
    IntentModel quick();

    /** Every language's model by language tag; English's is the TF-IDF model (minutes on a first start). */
    Map<String, IntentClassifier> all();

    /** English's MiniLM + TF-IDF blend on the TF-IDF model of {@link #all()}, if the encoder is on (minutes more). */
    Optional<IntentClassifier> blend(Map<String, IntentClassifier> all);

    /**
     * The encoder + TF-IDF blend of a language of {@link TrainedModels#PHRASE_BLENDS} on its
     * TF-IDF model of {@link #all()} (Chinese's bge-small-zh head, French's MiniLM head), asked
     * after {@link #blend}, if the encoder is on (one to three minutes each on a first start);
     * none by default, as in a stand-in without them.
     */
    default Optional<IntentClassifier> phraseBlend(String language, Map<String, IntentClassifier> all) {
        return Optional.empty();
    }

    /** The shipped data and settings, cached under {@code socialbank.assistant.cache-dir}. */
    static ModelTraining shipped(AssistantProperties properties) {
        Path cache = properties.cacheDir().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "socialbank-assistant")
                : Path.of(properties.cacheDir());
        return new ModelTraining() {

            @Override
            public IntentModel quick() {
                return TrainedModels.quickEnglish(properties.seed(), properties.sureThreshold());
            }

            @Override
            public Map<String, IntentClassifier> all() {
                return TrainedModels.trainAll(cache, properties);
            }

            @Override
            public Optional<IntentClassifier> blend(Map<String, IntentClassifier> all) {
                if (!properties.encoder().equals(AssistantProperties.MINILM)) {
                    return Optional.empty();
                }
                return Optional.of(TrainedModels.blend(
                        cache, properties.seed(), TrainedModels.english(properties), (IntentModel) all.get("en")));
            }

            @Override
            public Optional<IntentClassifier> phraseBlend(String language, Map<String, IntentClassifier> all) {
                if (!properties.encoder().equals(AssistantProperties.MINILM)
                        || !TrainedModels.PHRASE_BLENDS.contains(language)
                        || !(all.get(language) instanceof IntentModel tfidf)) {
                    return Optional.empty();
                }
                return Optional.of(TrainedModels.phraseBlend(
                        cache, language, properties.seed(), TrainedModels.other(properties), tfidf));
            }
        };
    }
}
