package org.socialbank.assistant;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.assistant.model.BgeSmallZh;
import org.socialbank.assistant.model.BlendedModel;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.MiniLm;
import org.socialbank.assistant.model.SentenceEncoder;
import org.socialbank.assistant.model.SoftmaxRegression;
import org.socialbank.assistant.model.SureThresholds;

/**
 * The per-language models, trained from the shipped data on a background thread that starts with
 * the application, so that the context starts at once; a question asked before training ends
 * waits for it. A trained model is kept in the cache directory under a digest of its data, its
 * settings and the file format, so that a restart with the same data reads it in a second instead
 * of training again (English's exact heads take minutes on two cores: docs/assistant.md).
 */
final class TrainedModels {

    static final String ENGLISH_DATA = "assistant/banking77/train.csv";
    static final String PHRASES = "assistant/phrases/%s-train.tsv";

    private static final Logger log = LoggerFactory.getLogger(TrainedModels.class);

    /**
     * Models trained in this process by key: training is deterministic, so two application
     * contexts (as in a test run) share one model instead of training it twice.
     */
    private static final Map<String, IntentModel> TRAINED = new ConcurrentHashMap<>();

    private static final Object TRAINING = new Object();

    private static final Map<String, BlendedModel> BLENDED = new ConcurrentHashMap<>();
    /**
     * The weight of the TF-IDF log-probabilities in the blend: 0.4 since session 13, chosen by a
     * nested 5-fold cross-validation (each fold's weight chosen on the other four folds picked 0.4
     * in all five), 0.3 (the assistant study's) before (docs/assistant.md, "Session 13").
     */
    static final double BLEND_WEIGHT = 0.4;
    /**
     * The MiniLM head: the exact optimum at C 10 (the study's Python C; 30 before session 13): with
     * the weight above, 9,323 of 10,003 right on the 5-fold cross-validation against 9,301.
     */
    static final SoftmaxRegression.Exact BLEND_HEAD = new SoftmaxRegression.Exact(10, 300, 1e-6);
    /** In the blend's cache key: the head on all examples starts from the validation split's head (not zero). */
    static final String WARM_START = "-warm";
    /** The share of English's examples the thresholds are calibrated on (the validation split). */
    static final double VALIDATION_SHARE = 0.2;
    /** The folds of a phrase set's cross-validation, for its thresholds. */
    static final int FOLDS = 5;

    private final CompletableFuture<Map<String, IntentClassifier>> models = new CompletableFuture<>();
    /**
     * The full models with every encoder head published so far (English's, then Chinese's and
     * French's); set before {@link #models} completes, replaced whole by each upgrade, so a reader
     * sees either.
     */
    private final AtomicReference<Map<String, IntentClassifier>> answering = new AtomicReference<>();

    private final CompletableFuture<Map<String, IntentClassifier>> quick = new CompletableFuture<>();
    /**
     * Where each encoder blend is, English's and {@link #PHRASE_BLENDS}', in training order;
     * {@code READY} once its blend answers (set after it is in {@link #answering}).
     */
    private final Map<String, AtomicReference<BlendStage>> stages = new LinkedHashMap<>();

    private final Duration readyWait;

    TrainedModels(AssistantProperties properties) {
        this(properties, ModelTraining.shipped(properties));
    }

    /**
     * Starts {@code training} on a background thread: the quick model first, then every
     * language's TF-IDF model, then (if the training has them) the English blend and those of
     * {@link #PHRASE_BLENDS}, each published as soon as it is trained. A failure of the full models leaves the quick
     * model answering English (never an error for training); a failure of a blend leaves its
     * language to its TF-IDF model.
     */
    TrainedModels(AssistantProperties properties, ModelTraining training) {
        this.readyWait = properties.readyWait();
        stages.put("en", new AtomicReference<>(BlendStage.WAITING));
        PHRASE_BLENDS.forEach(language -> stages.put(language, new AtomicReference<>(BlendStage.WAITING)));
        Thread thread = new Thread(() -> train(training), "assistant-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void train(ModelTraining training) {
        try {
            quick.complete(Map.of("en", training.quick()));
            announce("English", AnsweringModel.QUICK);
        } catch (RuntimeException | Error e) {
            log.error("The assistant's quick model could not be trained", e);
            quick.completeExceptionally(e);
        }
        Map<String, IntentClassifier> all;
        try {
            all = training.all();
            answering.set(all);
            models.complete(all);
            announce("English", AnsweringModel.TFIDF);
        } catch (RuntimeException | Error e) {
            log.error("The assistant's models could not be trained; the quick model answers English", e);
            models.completeExceptionally(e);
            stages.values().forEach(stage -> stage.set(BlendStage.FAILED));
            return;
        }
        upgrade("en", () -> training.blend(all));
        PHRASE_BLENDS.forEach(language -> upgrade(language, () -> training.phraseBlend(language, all)));
    }

    /**
     * One language's encoder blend: trained (or read from the cache), then published in place of
     * its TF-IDF model; a failure is logged and the TF-IDF model keeps answering.
     */
    private void upgrade(String language, Supplier<Optional<IntentClassifier>> training) {
        AtomicReference<BlendStage> stage = stages.get(language);
        try {
            stage.set(BlendStage.TRAINING);
            Optional<IntentClassifier> blend = training.get();
            blend.ifPresent(model -> {
                answering.updateAndGet(current -> {
                    Map<String, IntentClassifier> upgraded = new LinkedHashMap<>(current);
                    upgraded.put(language, model);
                    return Map.copyOf(upgraded);
                });
                announce(name(language), AnsweringModel.BLEND);
            });
            // READY after the model is in the map: the health never names a model that does not answer yet
            stage.set(blend.isPresent() ? BlendStage.READY : BlendStage.OFF);
        } catch (RuntimeException | Error e) {
            stage.set(BlendStage.FAILED);
            log.error("The assistant's {} blend could not be trained; its TF-IDF model answers", name(language), e);
        }
    }

    private static String name(String language) {
        return java.util.Locale.forLanguageTag(language).getDisplayLanguage(java.util.Locale.ENGLISH);
    }

    /** At INFO: the operator's "since when does the blend answer", in seconds since the JVM started. */
    private static void announce(String language, AnsweringModel stage) {
        log.info(
                "The assistant answers {} with its {} model from now on ({} s after the JVM started)",
                language,
                stage.wire(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    }

    /** The model that answers an English question asked now. */
    AnsweringModel english() {
        return answering("en");
    }

    /**
     * The model that answers a question in {@code language} asked now (English's quick one for
     * every language before the full models).
     */
    AnsweringModel answering(String language) {
        if (stage(language) == BlendStage.READY) {
            return AnsweringModel.BLEND;
        }
        return ready() ? AnsweringModel.TFIDF : AnsweringModel.QUICK;
    }

    /** Where English's blend is. */
    BlendStage blendStage() {
        return stage("en");
    }

    /**
     * Where {@code language}'s encoder blend is: waiting for the blends before it, training, ready,
     * off (no encoder, or a language without one: Russian, Persian) or failed.
     */
    BlendStage stage(String language) {
        AtomicReference<BlendStage> stage = stages.get(language);
        return stage == null ? BlendStage.OFF : stage.get();
    }

    /** The models by language, once trained; waits for the training if it is still running. */
    Map<String, IntentClassifier> await() {
        return models.join();
    }

    /**
     * The trained models; if they are not ready within {@code ready-wait} (only on a first start,
     * with no cache), the quick English model trained on 20 questions per intent in a second or
     * two, so that a question is answered, less well, instead of timing out.
     */
    Map<String, IntentClassifier> current() {
        try {
            models.get(readyWait.toMillis(), TimeUnit.MILLISECONDS);
            return answering.get();
        } catch (TimeoutException e) {
            log.info("The assistant's models are still training; answering from the quick model");
            return quick.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return quick.join();
        } catch (ExecutionException e) {
            return quick.join(); // logged when the training failed: the quick model answers English
        }
    }

    /** Whether the full models are trained (or read from the cache), so that {@link #current()} answers without waiting. */
    boolean ready() {
        return models.isDone() && !models.isCompletedExceptionally();
    }

    /** Whether the full models' training failed (logged): the quick model answers English for good. */
    boolean failed() {
        return models.isCompletedExceptionally();
    }

    /** Whether English is answered by the MiniLM + TF-IDF blend yet. */
    boolean blended() {
        return stage("en") == BlendStage.READY;
    }

    /**
     * The MiniLM head, trained on the vectors of all of English's examples (the slow part: a few
     * milliseconds per sentence, each sentence encoded once) or read from the cache, with its
     * thresholds calibrated on the validation split by a blend trained on the rest; the TF-IDF
     * model is the one trained above.
     */
    static BlendedModel blend(Path cache, long seed, SureThresholds.Calibration calibration, IntentModel tfidf) {
        Examples english = read(ENGLISH_DATA, true);
        SentenceEncoder encoder = Encoders.miniLm();
        String key = "en-blend-"
                + key(english, new IntentModel.Settings(0, BLEND_HEAD), calibration + "w" + BLEND_WEIGHT + WARM_START)
                + "-" + Integer.toHexString(encoder.name().hashCode());
        synchronized (TRAINING) {
            return BLENDED.computeIfAbsent(
                    key,
                    k -> readOrTrainBlend(
                            cache.resolve(k + ".head"),
                            tfidf,
                            encoder,
                            () -> trainBlend(cache, seed, calibration, english, tfidf, encoder)));
        }
    }

    /**
     * Every question encoded first, on both cores; then the head on the 80 % part (its blend with
     * the part's TF-IDF model calibrates the thresholds on the validation split); then the head
     * on all the examples, started from the part's weights (the same optimum within the
     * tolerance, in fewer iterations than from zero: docs/assistant.md, "Training, caching,
     * start-up").
     */
    private static BlendedModel trainBlend(
            Path cache,
            long seed,
            SureThresholds.Calibration calibration,
            Examples english,
            IntentModel tfidf,
            SentenceEncoder encoder) {
        long start = System.nanoTime();
        SentenceEncoder remembering = SentenceEncoder.remembering(encoder, english.texts());
        long encoded = System.nanoTime();
        Examples.Split split = english.split(VALIDATION_SHARE, seed);
        IntentModel part = englishPart(cache, split, IntentModel.Settings.english(seed));
        SoftmaxRegression partHead = BlendedModel.trainHead(part.labels(), split.train(), remembering, BLEND_HEAD);
        String partFit = SoftmaxRegression.lastFit();
        SureThresholds thresholds = SureThresholds.calibrate(
                part.labels(),
                BlendedModel.of(part, remembering, partHead, BLEND_WEIGHT).outcomes(split.heldOut()),
                calibration);
        long calibrated = System.nanoTime();
        SoftmaxRegression head = BlendedModel.trainHead(tfidf.labels(), english, remembering, BLEND_HEAD, partHead);
        BlendedModel model = BlendedModel.of(tfidf, encoder, head, BLEND_WEIGHT).withThresholds(thresholds);
        long done = System.nanoTime();
        log.info(
                "Trained the assistant's English MiniLM heads in {} ms: {} questions encoded in {} ms, the validation"
                        + " split's head in {} ms ({}), the head on all of them from its weights in {} ms ({})",
                (done - start) / 1_000_000,
                english.size(),
                (encoded - start) / 1_000_000,
                (calibrated - encoded) / 1_000_000,
                partFit,
                (done - calibrated) / 1_000_000,
                SoftmaxRegression.lastFit());
        return model;
    }

    private static BlendedModel readOrTrainBlend(
            Path file, IntentModel tfidf, SentenceEncoder encoder, Supplier<BlendedModel> training) {
        if (Files.isReadable(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                return BlendedModel.readHead(in, tfidf, encoder);
            } catch (IOException e) {
                log.warn("Retraining a blend: its cache {} is unreadable ({})", file, e.getMessage());
            }
        }
        BlendedModel model = training.get();
        store(file, out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            model.writeHead(data);
            data.flush();
        });
        return model;
    }

    /** One encoder per process: its ONNX session is thread-safe and takes a second to load. */
    static final class Encoders {

        private static volatile SentenceEncoder miniLm;
        private static volatile SentenceEncoder bgeSmallZh;

        private Encoders() {}

        static synchronized SentenceEncoder miniLm() {
            if (miniLm == null) {
                miniLm = new MiniLm();
            }
            return miniLm;
        }

        static synchronized SentenceEncoder bgeSmallZh() {
            if (bgeSmallZh == null) {
                bgeSmallZh = new BgeSmallZh();
            }
            return bgeSmallZh;
        }
    }

    /**
     * An encoder's head blended with a phrase language's TF-IDF model: the encoder, the head's
     * exact settings and the TF-IDF model's weight in the blend, each chosen on the training
     * phrases' 5-fold out-of-fold answers only.
     */
    record PhraseRecipe(Supplier<SentenceEncoder> encoder, SoftmaxRegression.Exact head, double weight) {}

    /** The phrase languages with an encoder blend, in the order they are trained after English's. */
    static final List<String> PHRASE_BLENDS = List.of("zh", "fr");

    /**
     * Chinese's head on bge-small-zh-v1.5: C 30 and the TF-IDF model's weight 0.5 in the blend,
     * chosen on the training phrases' 5-fold out-of-fold answers only (session 20, 4,491 phrases):
     * 4,206 right, as many as with the weight 1 (the smaller kept), against 4,198 at C 10 and
     * 4,162 for the head alone (session 15, on 680 phrases, C 10 and the head alone had read best;
     * docs/assistant.md, "Chinese with bge-small-zh" and "Session 20"). The TF-IDF model still
     * answers Chinese when the encoder is off.
     */
    static final PhraseRecipe CHINESE =
            new PhraseRecipe(Encoders::bgeSmallZh, new SoftmaxRegression.Exact(30, 300, 1e-6), 0.5);

    /**
     * French's head on English's MiniLM, as English's (no reachable encoder covers French; MiniLM's
     * uncased word pieces still carry the many words French shares with English): C 10 and the
     * TF-IDF model's weight 1, chosen on the training phrases' 5-fold out-of-fold answers only
     * (session 21, 4,519 phrases) as the weight whose calibrated rule is sure of the most of them
     * (2,645, 19 wrong; 4,035 right against 4,016 for TF-IDF alone). Russian and Persian, tried
     * the same way, got fewer right than their TF-IDF models: no blend (docs/assistant.md,
     * "Session 21: French with MiniLM").
     */
    static final PhraseRecipe FRENCH =
            new PhraseRecipe(Encoders::miniLm, new SoftmaxRegression.Exact(10, 300, 1e-6), 1);

    static PhraseRecipe recipe(String language) {
        return switch (language) {
            case "zh" -> CHINESE;
            case "fr" -> FRENCH;
            default -> throw new IllegalArgumentException("no encoder blend for " + language);
        };
    }

    /**
     * A phrase language's encoder head blended with its TF-IDF model {@code tfidf} (issue 18:
     * "plus an embedding model where one covers the language"), or read from the cache: the
     * thresholds are calibrated as the TF-IDF model's are, on out-of-fold answers of the training
     * phrases (each answered by a blend that did not train on it), then the head is fitted on all
     * of them: six fits on about 4,500 phrases, about 80 s for Chinese's and 3 min for French's
     * on two quiet cores, after English's blend (docs/assistant.md, "First start, session 21").
     */
    static BlendedModel phraseBlend(
            Path cache, String language, long seed, SureThresholds.Calibration calibration, IntentModel tfidf) {
        PhraseRecipe recipe = recipe(language);
        Examples phrases = read(PHRASES.formatted(language), false);
        SentenceEncoder encoder = recipe.encoder().get();
        String key = language + "-blend-"
                + key(
                        phrases,
                        new IntentModel.Settings(0, recipe.head()),
                        calibration + "w" + recipe.weight() + "f" + FOLDS)
                + "-" + Integer.toHexString(encoder.name().hashCode());
        synchronized (TRAINING) {
            return BLENDED.computeIfAbsent(
                    key,
                    k -> readOrTrainBlend(cache.resolve(k + ".head"), tfidf, encoder, () -> {
                        long start = System.nanoTime();
                        SentenceEncoder remembering = SentenceEncoder.remembering(encoder, phrases.texts());
                        IntentModel.Settings small =
                                IntentModel.Settings.phrases(language, seed); // as its TF-IDF model
                        List<SureThresholds.Outcome> outcomes = new ArrayList<>(phrases.size());
                        for (Examples.Split fold : phrases.folds(FOLDS, seed)) {
                            // with a weight of 0 the blend never asks its TF-IDF model: no fold's to train
                            IntentModel part = recipe.weight() == 0 ? tfidf : IntentModel.train(fold.train(), small);
                            SoftmaxRegression head =
                                    BlendedModel.trainHead(part.labels(), fold.train(), remembering, recipe.head());
                            outcomes.addAll(BlendedModel.of(part, remembering, head, recipe.weight())
                                    .outcomes(fold.heldOut()));
                        }
                        SoftmaxRegression head =
                                BlendedModel.trainHead(tfidf.labels(), phrases, remembering, recipe.head());
                        BlendedModel model = BlendedModel.of(tfidf, encoder, head, recipe.weight())
                                .withThresholds(SureThresholds.calibrate(tfidf.labels(), outcomes, calibration));
                        log.info(
                                "Trained the assistant's {} {} head in {} ms ({} phrases)",
                                name(language),
                                encoder.name().split("/")[0], // the model, without its package and layers
                                (System.nanoTime() - start) / 1_000_000,
                                phrases.size());
                        return model;
                    }));
        }
    }

    /** Answers while the full models train; its one threshold is English's floor. */
    static IntentModel quickEnglish(long seed, double threshold) {
        Examples all = read(ENGLISH_DATA, true);
        return TRAINED.computeIfAbsent("quick-" + key(all, IntentModel.Settings.quick(seed), "t" + threshold), k -> {
            IntentModel quick = IntentModel.train(all.firstPerIntent(20), IntentModel.Settings.quick(seed));
            return quick.withThresholds(SureThresholds.uniform(quick.labels().size(), threshold));
        });
    }

    static SureThresholds.Calibration english(AssistantProperties properties) {
        return new SureThresholds.Calibration(
                properties.sureAccuracy(), properties.sureThreshold(), properties.surePooled());
    }

    static SureThresholds.Calibration other(AssistantProperties properties) {
        return new SureThresholds.Calibration(
                properties.sureAccuracyOther(), properties.sureThresholdOther(), properties.surePooledOther());
    }

    /**
     * Every language's TF-IDF model (English's on BANKING77, the others' on their phrases), the
     * encoders' heads not included: they are later stages ({@link ModelTraining}), so that no
     * language waits for them.
     */
    static Map<String, IntentClassifier> trainAll(Path cache, AssistantProperties properties) {
        synchronized (TRAINING) {
            return trainAllOnce(cache, properties);
        }
    }

    private static Map<String, IntentClassifier> trainAllOnce(Path cache, AssistantProperties properties) {
        long seed = properties.seed();
        Map<String, IntentClassifier> byLanguage = new LinkedHashMap<>();
        byLanguage.put("en", englishTfidf(cache, seed, english(properties)));
        for (String language : Languages.OTHERS) {
            String resource = PHRASES.formatted(language);
            if (TrainedModels.class.getClassLoader().getResource(resource) != null) {
                byLanguage.put(
                        language, crossValidated(cache, language, read(resource, false), seed, other(properties)));
            }
        }
        return Map.copyOf(byLanguage);
    }

    /**
     * English's TF-IDF model on all the examples, its thresholds calibrated on the validation
     * split by the same model trained on the rest (cached on its own: the blend calibrates on it).
     */
    static IntentModel englishTfidf(Path cache, long seed, SureThresholds.Calibration calibration) {
        Examples english = read(ENGLISH_DATA, true);
        IntentModel.Settings settings = IntentModel.Settings.english(seed);
        // the part first: a ConcurrentHashMap's computeIfAbsent must not fill the same map inside
        Examples.Split split = english.split(VALIDATION_SHARE, seed);
        IntentModel part = englishPart(cache, split, settings);
        return cached(cache, "en", key(english, settings, calibration.toString()), () -> {
            SureThresholds thresholds =
                    SureThresholds.calibrate(part.labels(), part.outcomes(split.heldOut()), calibration);
            return IntentModel.train(english, settings).withThresholds(thresholds);
        });
    }

    private static IntentModel englishPart(Path cache, Examples.Split split, IntentModel.Settings settings) {
        return cached(
                cache, "en-part", key(split.train(), settings, ""), () -> IntentModel.train(split.train(), settings));
    }

    /**
     * A phrase set is too small to spare a validation part: its thresholds are calibrated on
     * out-of-fold answers ({@link #FOLDS} folds, each phrase answered by a model that did not
     * train on it), then the model is trained on all the phrases.
     */
    static IntentModel crossValidated(
            Path cache, String language, Examples examples, long seed, SureThresholds.Calibration calibration) {
        IntentModel.Settings settings = IntentModel.Settings.phrases(language, seed);
        return cached(cache, language, key(examples, settings, calibration + "f" + FOLDS), () -> {
            List<SureThresholds.Outcome> outcomes = new ArrayList<>(examples.size());
            for (Examples.Split fold : examples.folds(FOLDS, seed)) {
                outcomes.addAll(IntentModel.train(fold.train(), settings).outcomes(fold.heldOut()));
            }
            IntentModel model = IntentModel.train(examples, settings);
            return model.withThresholds(SureThresholds.calibrate(model.labels(), outcomes, calibration));
        });
    }

    static Examples read(String resource, boolean csv) {
        try (InputStream in = TrainedModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return csv ? Examples.readCsv(in) : Examples.readTsv(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IntentModel cached(Path cache, String name, String key, Supplier<IntentModel> training) {
        return TRAINED.computeIfAbsent(name + "-" + key, k -> readOrTrain(cache.resolve(k + ".model"), name, training));
    }

    private static IntentModel readOrTrain(Path file, String name, Supplier<IntentModel> training) {
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return IntentModel.read(in);
            } catch (IOException e) {
                log.warn("Retraining the {} model: its cache {} is unreadable ({})", name, file, e.getMessage());
            }
        }
        long start = System.nanoTime();
        IntentModel model = training.get();
        log.info("Trained the assistant's {} model in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        store(file, model::write);
        return model;
    }

    private interface Writing {

        void write(OutputStream out) throws IOException;
    }

    /** Best effort: a cache that cannot be written costs the next start a training, nothing else. */
    private static void store(Path file, Writing writing) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "training", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                writing.write(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not cache the assistant's model in {}: {}", file, e.getMessage());
        }
    }

    /** A digest of the data, the settings, anything else the model depends on and the file format. */
    static String key(Examples examples, IntentModel.Settings settings, String more) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((examples.digest() + settings + more + IntentModel.FORMAT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
