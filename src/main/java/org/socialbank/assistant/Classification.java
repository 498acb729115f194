package org.socialbank.assistant;

import java.util.List;

/**
 * What the assistant understood: the most probable intent and its confidence, the top three
 * intents as alternatives, the language it read the text in, and whether the confidence reaches
 * that language's threshold; when it does not, a chat says "not sure" and offers the three.
 */
public record Classification(
        String intent, double confidence, List<Alternative> alternatives, String language, boolean sure)
        implements ClassifyResult {

    public record Alternative(String intent, double confidence) {}

    public Classification {
        alternatives = List.copyOf(alternatives);
    }
}
