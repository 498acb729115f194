package org.socialbank.assistant.model;

/** Turns a sentence into a fixed-length vector, the same for the same sentence. */
public interface SentenceEncoder {

    float[] encode(String text);

    /** Names the model, so a cache of what was trained on its vectors is keyed by it. */
    String name();
}
