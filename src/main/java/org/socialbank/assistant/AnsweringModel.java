package org.socialbank.assistant;

import java.util.Locale;

/**
 * Which model answers a language's questions, in the order a first start reaches them (the health
 * details say which for each language and the log when it changes, so that a measurement of
 * accuracy knows what it measures).
 */
enum AnsweringModel {
    /** English's 20 questions per intent, trained in a second or two, answering every language while the others train. */
    QUICK,
    /** Word and character TF-IDF on all of the language's examples. */
    TFIDF,
    /**
     * The encoder's head blended with the TF-IDF model (MiniLM for English and French, bge-small-zh
     * for Chinese; Russian and Persian have none): the shipped recipe.
     */
    BLEND;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
