package org.socialbank.assistant.model;

import java.util.List;

/** Ranks a language's intents for a question. */
public interface IntentClassifier {

    /** The intents, in the order of {@link #logProbabilities}. */
    List<String> labels();

    /** Every intent with its probability, most probable first (ties by name). */
    List<IntentModel.Scored> rank(String text);

    /** The confidence from which an answer is sure, per label in the order of {@link #labels()}. */
    SureThresholds thresholds();

    /** Whether {@code best}, the top of {@link #rank}, reaches its intent's threshold. */
    default boolean sure(IntentModel.Scored best) {
        int index = labels().indexOf(best.intent());
        return index >= 0 && best.confidence() >= thresholds().of(index);
    }

    /** Each held-out question's top answer and whether it is right, to calibrate thresholds on. */
    default List<SureThresholds.Outcome> outcomes(Examples heldOut) {
        List<SureThresholds.Outcome> outcomes = new java.util.ArrayList<>(heldOut.size());
        for (int i = 0; i < heldOut.size(); i++) {
            IntentModel.Scored best = rank(heldOut.texts().get(i)).get(0);
            outcomes.add(new SureThresholds.Outcome(
                    best.intent(),
                    best.confidence(),
                    best.intent().equals(heldOut.intents().get(i))));
        }
        return outcomes;
    }

    /** The share of the examples whose most probable intent is their own. */
    default double accuracy(Examples heldOut) {
        int right = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            if (rank(heldOut.texts().get(i))
                    .get(0)
                    .intent()
                    .equals(heldOut.intents().get(i))) {
                right++;
            }
        }
        return heldOut.size() == 0 ? 0 : (double) right / heldOut.size();
    }
}
