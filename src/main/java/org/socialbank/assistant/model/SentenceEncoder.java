package org.socialbank.assistant.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/** Turns a sentence into a fixed-length vector, the same for the same sentence. */
public interface SentenceEncoder {

    float[] encode(String text);

    /** Names the model, so a cache of what was trained on its vectors is keyed by it. */
    String name();

    /**
     * This encoder remembering every vector it made, for a training that sees the same sentences
     * more than once (a calibration split, then all of them): each is encoded once.
     */
    static SentenceEncoder remembering(SentenceEncoder encoder) {
        return remembering(encoder, List.of());
    }

    /**
     * {@link #remembering} with the vectors of {@code texts} made first, on every core of the
     * common pool: each vector depends on its text only (the encoder is thread-safe), so which
     * thread encodes which text changes nothing but the time.
     */
    static SentenceEncoder remembering(SentenceEncoder encoder, List<String> texts) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
        float[][] vectors = new float[distinct.size()][];
        IntStream.range(0, vectors.length).parallel().forEach(i -> vectors[i] = encoder.encode(distinct.get(i)));
        Map<String, float[]> seen = new ConcurrentHashMap<>();
        for (int i = 0; i < vectors.length; i++) {
            seen.put(distinct.get(i), vectors[i]);
        }
        return new SentenceEncoder() {

            @Override
            public float[] encode(String text) {
                return seen.computeIfAbsent(text, encoder::encode);
            }

            @Override
            public String name() {
                return encoder.name();
            }
        };
    }
}
