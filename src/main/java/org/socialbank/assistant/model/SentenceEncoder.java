package org.socialbank.assistant.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        Map<String, float[]> seen = new ConcurrentHashMap<>();
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
