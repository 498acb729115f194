package org.socialbank.assistant.model;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The int8 all-MiniLM-L6-v2 (Apache-2.0) shipped inside LangChain4j's Maven artifact and run
 * in-process by onnxruntime: mean-pooled, L2-normalized 384-d vectors of the last layer. Nothing
 * is downloaded at run time.
 */
public final class MiniLm implements SentenceEncoder {

    static {
        // the tokenizer's native library is inside its jar; DJL must never try the network
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[] encode(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public String name() {
        return "all-minilm-l6-v2-q/langchain4j-1.19.0-beta29/last-mean";
    }
}
