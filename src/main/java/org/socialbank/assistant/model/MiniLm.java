package org.socialbank.assistant.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The int8 all-MiniLM-L6-v2 (Apache-2.0) shipped inside LangChain4j's Maven artifact, run
 * in-process by onnxruntime with nothing downloaded at run time. A question's vector is the
 * mean over its tokens of the outputs of encoder layers 2, 3, 4 and 5 (the last), then the last
 * layer's [CLS] row, each block L2-normalized, concatenated: 1,920 numbers. The middle layers
 * carry more of the words and less of the paraphrase than the last one, which helps intent
 * detection (the assistant study: +0.7 points on BANKING77's validation split over the last
 * layer alone); the [CLS] row, which the model's pre-training made a summary of the sentence,
 * adds 21 right answers of 10,003 to the blend on a 5-fold cross-validation (docs/assistant.md,
 * "Session 12"). The session runs each
 * question on one intra-op thread: on two shared cores, one question's latency suffers more from
 * threads fighting than it gains from them, and concurrent questions use the other core.
 */
public final class MiniLm implements SentenceEncoder {

    static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    static final String LAST = "last_hidden_state";
    /** The graph outputs averaged, in the order of the vector's blocks. */
    static final List<String> LAYERS = List.of(
            "/encoder/layer.2/output/LayerNorm/Add_1_output_0",
            "/encoder/layer.3/output/LayerNorm/Add_1_output_0",
            "/encoder/layer.4/output/LayerNorm/Add_1_output_0",
            LAST);

    public static final int WIDTH = 384;
    /** The shipped vector's length: four layers' means and the [CLS] row. */
    public static final int DIMENSION = WIDTH * 5;
    /** The longest token sequence encoded (the model's limit is 512; a question is far shorter). */
    static final int TOKENS_MAX = 128;

    /**
     * For the benchmark's choice of layers (docs/assistant.md, Figures; not served): the mean of
     * each of layers 0 to 5 (0 the first encoder layer's output), then layer 5's [CLS] row, each
     * block L2-normalized: 7 x 384 numbers, of which the shipped vector is blocks 2 to 6.
     */
    public static final List<String> EVERY_LAYER = List.of(
            "/encoder/layer.0/output/LayerNorm/Add_1_output_0",
            "/encoder/layer.1/output/LayerNorm/Add_1_output_0",
            "/encoder/layer.2/output/LayerNorm/Add_1_output_0",
            "/encoder/layer.3/output/LayerNorm/Add_1_output_0",
            "/encoder/layer.4/output/LayerNorm/Add_1_output_0",
            LAST);

    private final OnnxModel model;
    private final List<String> layers;
    private final boolean cls;

    /** The shipped encoder: layers 2 to 5, mean-pooled, then layer 5's [CLS] row. */
    public MiniLm() {
        this(LAYERS, true);
    }

    /** The encoder shipped until session 12 (layers 2 to 5, mean-pooled; 1,536 numbers), for the benchmarks' baseline. */
    public static MiniLm meansOnly() {
        return new MiniLm(LAYERS, false);
    }

    /** The benchmark's encoder: {@link #EVERY_LAYER} mean-pooled, then layer 5's [CLS] row. */
    public static MiniLm everyLayer() {
        return new MiniLm(EVERY_LAYER, true);
    }

    private MiniLm(List<String> layers, boolean cls) {
        this.layers = layers;
        this.cls = cls;
        this.model = new OnnxModel(
                MODEL,
                TOKENIZER,
                "MiniLM",
                bytes -> OnnxGraph.withOutputs(bytes, LAST, layers.subList(0, layers.size() - 1)),
                TOKENS_MAX);
    }

    /**
     * The token ids fed to the model: [CLS], the text's word pieces and [SEP], never padded (the
     * jar's tokenizer.json pads to 128, which {@code padding=false} turns off: a padded question
     * would be averaged with its [PAD] rows), at most {@link #TOKENS_MAX}.
     */
    long[] ids(String text) {
        return model.ids(text);
    }

    @Override
    public float[] encode(String text) {
        long[] ids = ids(text);
        try (OrtSession.Result result = model.run(ids, new LinkedHashSet<>(layers))) {
            float[] vector = new float[WIDTH * (layers.size() + (cls ? 1 : 0))];
            for (int layer = 0; layer < layers.size(); layer++) {
                OnnxValue value = result.get(layers.get(layer)).orElseThrow();
                meanInto(((OnnxTensor) value).getFloatBuffer(), ids.length, vector, layer * WIDTH);
            }
            if (cls) { // the [CLS] row alone: the mean of one token
                OnnxValue last = result.get(LAST).orElseThrow();
                meanInto(((OnnxTensor) last).getFloatBuffer(), 1, vector, layers.size() * WIDTH);
            }
            return vector;
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime could not encode a question", e);
        }
    }

    /** The mean of {@code tokens} rows of a [1, tokens, 384] tensor, L2-normalized, at {@code offset}. */
    static void meanInto(FloatBuffer hidden, int tokens, float[] vector, int offset) {
        Pooling.meanInto(hidden, WIDTH, 0, tokens, vector, offset);
    }

    @Override
    public String name() {
        String first = layers == EVERY_LAYER ? "0" : "2";
        return "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29/layers-" + first + "-5-mean" + (cls ? "-and-cls" : "");
    }
}
