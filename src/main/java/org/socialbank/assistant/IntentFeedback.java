package org.socialbank.assistant;

/** The votes on one intent's answers: what staff read to find the answers that fail most. */
public record IntentFeedback(String intent, long helpful, long notHelpful) {

    public long total() {
        return helpful + notHelpful;
    }

    /** The share voted helpful, 0..1 (0 with no votes). */
    public double helpfulShare() {
        return total() == 0 ? 0 : Math.round(10_000.0 * helpful / total()) / 10_000.0;
    }
}
