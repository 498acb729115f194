package org.socialbank.assistant.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A transformer encoder shipped in a Maven artifact: its ONNX graph and its tokenizer read from the
 * class path (nothing downloaded: DJL is kept offline), one onnxruntime session on one thread, and
 * one question's run. Shared by {@link MiniLm} and {@link
 * BgeSmallZh}, which choose the outputs and how their token rows are pooled.
 */
final class OnnxModel {

    static {
        // the tokenizer's native library is inside its jar; DJL must never try the network
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typed;
    private final int tokensMax;

    /**
     * @param graph what the model's bytes go through before the session is made (extra outputs)
     * @param tokensMax the longest token sequence encoded
     */
    OnnxModel(String model, String tokenizer, String name, UnaryOperator<byte[]> graph, int tokensMax) {
        this.tokensMax = tokensMax;
        ClassLoader loader = OnnxModel.class.getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(model);
                InputStream json = loader.getResourceAsStream(tokenizer)) {
            if (onnx == null || json == null) {
                throw new IllegalStateException("the " + name + " model is not on the class path");
            }
            this.environment = OrtEnvironment.getEnvironment();
            this.session = environment.createSession(graph.apply(onnx.readAllBytes()), oneThread());
            this.typed = session.getInputNames().contains("token_type_ids");
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime could not load the " + name + " model", e);
        }
    }

    /**
     * The token ids fed to the model: [CLS], the text's pieces and [SEP], never padded (a padded
     * question would be averaged with its [PAD] rows), at most {@code tokensMax}.
     */
    long[] ids(String text) {
        return truncated(tokenizer.encode(text).getIds(), tokensMax);
    }

    /** The ids with the special tokens; a longer text keeps its first tokens and its closing [SEP]. */
    static long[] truncated(long[] ids, int max) {
        if (ids.length <= max) {
            return ids;
        }
        long[] cut = Arrays.copyOf(ids, max);
        cut[max - 1] = ids[ids.length - 1];
        return cut;
    }

    /**
     * One intra-op and one inter-op thread (on two shared cores a question's latency suffers more
     * from threads fighting than it gains from them; concurrent questions use the other core),
     * every graph optimization.
     */
    private static OrtSession.SessionOptions oneThread() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    /**
     * Runs the model on one question's {@code ids} (every token attended to, every token type 0);
     * the caller closes the result.
     */
    OrtSession.Result run(long[] ids, Set<String> outputs) throws OrtException {
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, new long[][] {ids}));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, new long[][] {mask}));
            if (typed) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[][] {new long[ids.length]}));
            }
            return session.run(inputs, outputs);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
