package org.socialbank.assistant.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The int8 all-MiniLM-L6-v2 (Apache-2.0) shipped inside LangChain4j's Maven artifact and run
 * in-process by onnxruntime: mean-pooled, L2-normalized 384-d vectors of the last layer. Nothing
 * is downloaded at run time. The session runs each question on one intra-op thread: on two shared
 * cores, one question's latency suffers more from threads fighting than it gains from them (the
 * assistant study), and concurrent questions use the other core.
 */
public final class MiniLm implements SentenceEncoder {

    static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    static {
        // the tokenizer's native library is inside its jar; DJL must never try the network
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final Model model;

    public MiniLm() {
        ClassLoader loader = MiniLm.class.getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(MODEL); InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("the MiniLM model is not on the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            this.model = new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime could not load the MiniLM model", e);
        }
    }

    @Override
    public float[] encode(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public String name() {
        return "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29/last-mean";
    }

    /** LangChain4j's in-process model around our session; it normalizes the pooled vector. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run); // one question at a time, in the caller's thread
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
