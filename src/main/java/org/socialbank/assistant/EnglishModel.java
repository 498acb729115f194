package org.socialbank.assistant;

import java.util.Locale;

/**
 * Which model answers English questions, in the order a first start reaches them (the health
 * details and the log say which, so that a measurement of accuracy knows what it measures).
 */
enum EnglishModel {
    /** 20 questions per intent, trained in a second or two, answering while the others train. */
    QUICK,
    /** Word and character TF-IDF on all of English's examples. */
    TFIDF,
    /** The MiniLM head blended with the TF-IDF model: the shipped recipe. */
    BLEND;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
