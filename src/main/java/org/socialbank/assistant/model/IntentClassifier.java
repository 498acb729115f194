package org.socialbank.assistant.model;

import java.util.List;

/** Ranks a language's intents for a question. */
public interface IntentClassifier {

    /** The intents, in the order of {@link #logProbabilities}. */
    List<String> labels();

    /** Every intent with its probability, most probable first (ties by name). */
    List<IntentModel.Scored> rank(String text);

    /** The share of the examples whose most probable intent is their own. */
    default double accuracy(Examples heldOut) {
        int right = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            if (rank(heldOut.texts().get(i)).get(0).intent().equals(heldOut.intents().get(i))) {
                right++;
            }
        }
        return heldOut.size() == 0 ? 0 : (double) right / heldOut.size();
    }
}
