package org.socialbank.assistant;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialbank.assistant.model.Examples;
import org.socialbank.assistant.model.BlendedModel;
import org.socialbank.assistant.model.IntentClassifier;
import org.socialbank.assistant.model.IntentModel;
import org.socialbank.assistant.model.MiniLm;
import org.socialbank.assistant.model.SentenceEncoder;
import org.socialbank.assistant.model.SoftmaxRegression;

/**
 * The per-language models, trained from the shipped data on a background thread that starts with
 * the application, so that the context starts at once; a question asked before training ends
 * waits for it. A trained model is kept in the cache directory under a digest of its data, its
 * settings and the file format, so that a restart with the same data reads it in a second instead
 * of training again (English takes 10-30 s on two cores).
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
    static final double BLEND_WEIGHT = 0.5;

    private final CompletableFuture<Map<String, IntentClassifier>> models = new CompletableFuture<>();
    /** The English blend once its encoder head is ready; until then English uses the TF-IDF model. */
    private final AtomicReference<IntentClassifier> englishBlend = new AtomicReference<>();
    private final CompletableFuture<Map<String, IntentClassifier>> quick = new CompletableFuture<>();
    private final Duration readyWait;

    TrainedModels(AssistantProperties properties) {
        this.readyWait = properties.readyWait();
        Path cache = properties.cacheDir().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "socialbank-assistant")
                : Path.of(properties.cacheDir());
        Thread training = new Thread(() -> {
            try {
                quick.complete(Map.of("en", quickEnglish(properties.seed())));
                models.complete(trainAll(cache, properties.seed()));
                if (properties.encoder().equals(AssistantProperties.MINILM)) {
                    englishBlend.set(blend(cache, properties.seed()));
                }
            } catch (RuntimeException | Error e) {
                log.error("The assistant's models could not be trained", e);
                models.completeExceptionally(e);
            }
        }, "assistant-training");
        training.setDaemon(true);
        training.setPriority(Thread.MIN_PRIORITY);
        training.start();
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
            Map<String, IntentClassifier> ready = models.get(readyWait.toMillis(), TimeUnit.MILLISECONDS);
            IntentClassifier blend = englishBlend.get();
            if (blend == null) {
                return ready;
            }
            Map<String, IntentClassifier> upgraded = new LinkedHashMap<>(ready);
            upgraded.put("en", blend);
            return upgraded;
        } catch (TimeoutException e) {
            log.info("The assistant's models are still training; answering from the quick model");
            return quick.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return quick.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The assistant's models could not be trained", e.getCause());
        }
    }

    /** Whether the full models are trained (or read from the cache), so that {@link #current()} answers without waiting. */
    boolean ready() {
        return models.isDone() && !models.isCompletedExceptionally();
    }

    /** Whether English is answered by the MiniLM + TF-IDF blend yet. */
    boolean blended() {
        return englishBlend.get() != null;
    }

    /**
     * The MiniLM head, trained on the vectors of all of English's examples (the slow part: a few
     * milliseconds per sentence) or read from the cache; the TF-IDF model is the one trained above.
     */
    static BlendedModel blend(Path cache, long seed) {
        Examples english = read(ENGLISH_DATA, true);
        IntentModel.Settings settings = IntentModel.Settings.english(seed);
        IntentModel tfidf = TRAINED.get("en-" + key(english, settings));
        SoftmaxRegression.Settings head = new SoftmaxRegression.Settings(10, 2, 30, seed);
        SentenceEncoder encoder = Encoders.miniLm();
        String key = "en-blend-" + key(english, new IntentModel.Settings(0, head)) + "-" + encoder.name().hashCode();
        synchronized (TRAINING) {
            return BLENDED.computeIfAbsent(key, k -> readOrTrainBlend(cache.resolve(k + ".head"), tfidf, english,
                    encoder, head));
        }
    }

    private static BlendedModel readOrTrainBlend(Path file, IntentModel tfidf, Examples english, SentenceEncoder encoder,
            SoftmaxRegression.Settings head) {
        if (Files.isReadable(file)) {
            try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(file))) {
                return BlendedModel.readHead(in, tfidf, encoder);
            } catch (IOException e) {
                log.warn("Retraining the English blend: its cache {} is unreadable ({})", file, e.getMessage());
            }
        }
        long start = System.nanoTime();
        BlendedModel model = BlendedModel.train(tfidf, english, encoder, head, BLEND_WEIGHT);
        log.info("Trained the assistant's English MiniLM head on {} examples in {} ms", english.size(),
                (System.nanoTime() - start) / 1_000_000);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "training", ".tmp");
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(Files.newOutputStream(temp))) {
                model.writeHead(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not cache the English blend in {}: {}", file, e.getMessage());
        }
        return model;
    }

    /** One encoder per process: its ONNX session is thread-safe and takes a second to load. */
    static final class Encoders {

        private static volatile SentenceEncoder miniLm;

        private Encoders() {
        }

        static synchronized SentenceEncoder miniLm() {
            if (miniLm == null) {
                miniLm = new MiniLm();
            }
            return miniLm;
        }
    }

    static IntentModel quickEnglish(long seed) {
        Examples all = read(ENGLISH_DATA, true);
        return TRAINED.computeIfAbsent("quick-" + key(all, IntentModel.Settings.quick(seed)),
                k -> IntentModel.train(all.firstPerIntent(20), IntentModel.Settings.quick(seed)));
    }

    static Map<String, IntentClassifier> trainAll(Path cache, long seed) {
        synchronized (TRAINING) {
            return trainAllOnce(cache, seed);
        }
    }

    private static Map<String, IntentClassifier> trainAllOnce(Path cache, long seed) {
        Map<String, IntentClassifier> byLanguage = new LinkedHashMap<>();
        byLanguage.put("en", cached(cache, "en", read(ENGLISH_DATA, true), IntentModel.Settings.english(seed)));
        for (String language : Languages.OTHERS) {
            String resource = PHRASES.formatted(language);
            if (TrainedModels.class.getClassLoader().getResource(resource) != null) {
                byLanguage.put(language, cached(cache, language, read(resource, false),
                        IntentModel.Settings.small(seed)));
            }
        }
        return Map.copyOf(byLanguage);
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

    private static IntentModel cached(Path cache, String language, Examples examples, IntentModel.Settings settings) {
        String key = language + "-" + key(examples, settings);
        return TRAINED.computeIfAbsent(key, k -> readOrTrain(cache.resolve(k + ".model"), language, examples, settings));
    }

    private static IntentModel readOrTrain(Path file, String language, Examples examples, IntentModel.Settings settings) {
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return IntentModel.read(in);
            } catch (IOException e) {
                log.warn("Retraining the {} model: its cache {} is unreadable ({})", language, file, e.getMessage());
            }
        }
        long start = System.nanoTime();
        IntentModel model = IntentModel.train(examples, settings);
        log.info("Trained the assistant's {} model on {} examples in {} ms", language, examples.size(),
                (System.nanoTime() - start) / 1_000_000);
        store(file, model);
        return model;
    }

    /** Best effort: a cache that cannot be written costs the next start a training, nothing else. */
    private static void store(Path file, IntentModel model) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "training", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                model.write(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not cache the assistant's model in {}: {}", file, e.getMessage());
        }
    }

    static String key(Examples examples, IntentModel.Settings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((examples.digest() + settings + IntentModel.FORMAT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
